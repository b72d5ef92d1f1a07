/**
 * What the door answers an upgrade: 101 with the open socket, or the refusal's HTTP status and
 * `Retry-After` header (which the harness's `TestClient.open` does not keep). Sockets opened here
 * are closed by `closeAll`.
 */
import { WebSocket } from 'ws';

export interface DoorAnswer {
  readonly status: number;
  /** The `Retry-After` header of a refusal, as sent. */
  readonly retryAfter: string | undefined;
  /** The socket, when the upgrade succeeded. */
  readonly socket: WebSocket | null;
}

const opened: WebSocket[] = [];

export function knock(url: string, headers: Record<string, string> = {}): Promise<DoorAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      opened.push(socket);
      resolve({ status: 101, retryAfter: undefined, socket });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], socket: null });
      response.destroy();
    });
    socket.once('error', reject);
  });
}

/** Closes every socket `knock` opened and waits until each is closed. */
export async function closeAll(): Promise<void> {
  await Promise.all(
    opened.splice(0).map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
        }),
    ),
  );
}
