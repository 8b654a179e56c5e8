/** Test helper: every test file runs on the project's default backend (wasm with its kernels). */
import { initBackend } from "../../lib/backend/setup.ts";

/** Makes sure the wasm backend with the project's training kernels is active. */
export function useBackend(): Promise<string> {
  return initBackend("wasm");
}
