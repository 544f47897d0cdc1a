// Compiling Pyodide's WebAssembly while the snapshot is still being read.
//
// Pyodide requests its module (pyodide.asm.wasm) at once but compiles it only when it
// instantiates it, and with a snapshot that waits until the snapshot is read and
// decompressed: until then the module's bytes sit unread (on a slow link they stop
// arriving), then download and compile one after the other. Compiled as it arrives
// instead, it is ready by the time the snapshot is.

const early = new WeakMap(); // stand-in Response -> Promise<WebAssembly.Module>

export const canCompileEarly = () => typeof WebAssembly.compileStreaming === "function";

// Starts compiling `response` (the module, as fetched) and returns the Response to hand
// Pyodide in its place; `instantiated` below recognises it.
export function compileEarly(response) {
  const module = WebAssembly.compileStreaming(Promise.resolve(response));
  module.catch(() => {}); // reported when the module is instantiated
  const standIn = new Response(new Uint8Array(), { headers: { "Content-Type": "application/wasm" } });
  early.set(standIn, module);
  return standIn;
}

// WebAssembly.instantiateStreaming(source, imports), for a source that may be a stand-in
// made above: then the module compiled early is instantiated. `real` holds the
// browser's own instantiate and instantiateStreaming.
export async function instantiated(real, source, imports) {
  const response = await source;
  const module = early.get(response);
  if (!module) return real.instantiateStreaming.call(WebAssembly, response, imports);
  const compiled = await module;
  return { module: compiled, instance: await real.instantiate.call(WebAssembly, compiled, imports) };
}
