import { describe, expect, it } from 'vitest';
import { generateFiles, load, type Emitter, type Model } from '../src/index.js';
import { fixture } from './helpers.js';

describe('generateFiles: emitters that declare their inputs', () => {
  it('are not rerun while their inputs are unchanged, and are rerun when one changes', async () => {
    const { model } = await load(fixture('chat.yaml'));
    let calls = 0;
    const emitter: Emitter = {
      name: 'counting',
      inputs: ['schemas'],
      emit(m) {
        calls += 1;
        return { files: [{ path: 'count.txt', content: `${m.schemas.length} schemas, run ${calls}\n` }], diagnostics: [] };
      },
    };
    const first = await generateFiles(model, 'chat.yaml', { emitters: [emitter] });
    const renamed: Model = { ...model, info: { ...model.info, version: '9.9.9' } };
    const second = await generateFiles(renamed, 'chat.yaml', { emitters: [emitter] });
    expect(calls).toBe(1);
    expect(second.files).toEqual(first.files);
    const fewer: Model = { ...model, schemas: model.schemas.slice(1) };
    const third = await generateFiles(fewer, 'chat.yaml', { emitters: [emitter] });
    expect(calls).toBe(2);
    expect(third.files[0]?.content).toBe(`${model.schemas.length - 1} schemas, run 2\n`);
    // The context is part of the key: another spec file name reruns it.
    await generateFiles(fewer, 'other.yaml', { emitters: [emitter] });
    expect(calls).toBe(3);
  });

  it('cannot read a part of the model they did not declare', async () => {
    const { model } = await load(fixture('chat.yaml'));
    const sneaky: Emitter = {
      name: 'sneaky',
      inputs: ['schemas'],
      emit(m) {
        return { files: [{ path: 'x.txt', content: m.info.title }], diagnostics: [] };
      },
    };
    await expect(generateFiles(model, 'chat.yaml', { emitters: [sneaky] })).rejects.toThrow(
      new Error('the sneaky emitter read model.info, which it does not list in its inputs'),
    );
  });
});
