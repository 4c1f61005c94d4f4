import { dlopen, FFIType } from "bun:ffi";

const STD_HANDLES = [-10, -11, -12]; // STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE
const HANDLE_FLAG_INHERIT = 1;

/**
 * On Windows a new process inherits every inheritable handle of its parent, not only the stdio it
 * is given, and this process's own stdout and stderr are inheritable when it was started with
 * them redirected (a script reading `shipdesk status`, Task Scheduler writing to a log). The
 * host would then hold the reader's pipe open for as long as it lives, and the script would wait
 * for it. The std handles are made non-inheritable before the host is started; this process
 * still writes to them.
 */
export function keepStdioFromChildren(): void {
  if (process.platform !== "win32") return;
  try {
    const k = dlopen("kernel32.dll", {
      GetStdHandle: { args: [FFIType.i32], returns: FFIType.ptr },
      SetHandleInformation: { args: [FFIType.ptr, FFIType.u32, FFIType.u32], returns: FFIType.i32 },
    }).symbols;
    for (const which of STD_HANDLES) {
      const handle = k.GetStdHandle(which);
      if (handle) k.SetHandleInformation(handle, HANDLE_FLAG_INHERIT, 0);
    }
  } catch {
    // Without kernel32 there is nothing to inherit from; the host starts as before.
  }
}
