/**
 * Payload schema formats other than JSON Schema (AsyncAPI 3.x "Multi Format Schema Object"):
 * the official parser plugins turn Avro, OpenAPI / Swagger, RAML 1.0 data types and Protobuf
 * schemas into JSON Schema while the document is parsed. Each plugin is imported only when the
 * document names its format, so a document in plain JSON Schema (ours) pays nothing for them
 * (the RAML plugin alone takes about a second to import).
 */
import type { Parser } from '@asyncapi/parser';

type SchemaParser = Parameters<Parser['registerSchemaParser']>[0];

interface Plugin {
  /** Matches the `schemaFormat` values the plugin reads. */
  readonly format: RegExp;
  readonly load: () => Promise<SchemaParser>;
}

const PLUGINS: readonly Plugin[] = [
  { format: /application\/vnd\.apache\.avro/, load: async () => (await import('@asyncapi/avro-schema-parser')).AvroSchemaParser() },
  { format: /application\/vnd\.oai\.openapi/, load: async () => (await import('@asyncapi/openapi-schema-parser')).OpenAPISchemaParser() },
  { format: /application\/vnd\.google\.protobuf/, load: async () => (await import('@asyncapi/protobuf-schema-parser')).ProtoBuffSchemaParser() },
  { format: /application\/raml\+yaml/, load: async () => (await import('@asyncapi/raml-dt-schema-parser')).RamlDTSchemaParser() },
];

/**
 * Registers on `parser` the plugins whose format `text` (the document's source) names. A format
 * named only in a file the document reaches by `$ref` is not seen here, and the parser reports
 * it as an unknown schema format.
 */
export async function registerSchemaFormats(parser: Parser, text: string): Promise<void> {
  for (const plugin of PLUGINS) {
    if (plugin.format.test(text)) parser.registerSchemaParser(await plugin.load());
  }
}

const JSON_SCHEMA_FORMATS = /^application\/(schema\+json|schema\+yaml|vnd\.aai\.asyncapi)/;

/**
 * Whether the parser hands a payload of this `schemaFormat` over as JSON Schema: JSON Schema and
 * AsyncAPI schemas as they are, the plugins' formats converted (in place of the original).
 */
export function readsAsJsonSchema(format: string): boolean {
  return JSON_SCHEMA_FORMATS.test(format) || PLUGINS.some((p) => p.format.test(format));
}
