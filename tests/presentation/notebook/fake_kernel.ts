/**
 * Test helper: a stand-in for `Deno.jupyter` that records what the display adapter broadcasts.
 *
 * @module
 */
import type { JupyterBroadcaster } from "../../../lib/presentation/notebook/display.ts";

/**
 * One recorded broadcast.
 *
 * @example
 * ```ts
 * const message: BroadcastMessage = { messageType: "display_data", content: { data: {} } };
 * ```
 */
export interface BroadcastMessage {
  messageType: string;
  content: Record<string, unknown> & {
    data?: Record<string, unknown>;
    metadata?: Record<string, unknown>;
    transient?: { display_id?: string };
  };
}

/**
 * A fake kernel and the list its broadcasts land in.
 *
 * @example
 * ```ts
 * const { kernel, messages } = recordingKernel();
 * await show("hi", { kernel });
 * console.log(messages[0].messageType); // "display_data"
 * ```
 */
export function recordingKernel(): { kernel: JupyterBroadcaster; messages: BroadcastMessage[] } {
  const messages: BroadcastMessage[] = [];
  return {
    messages,
    kernel: {
      broadcast(messageType, content) {
        messages.push({ messageType, content: structuredClone(content) });
        return Promise.resolve();
      },
    },
  };
}
