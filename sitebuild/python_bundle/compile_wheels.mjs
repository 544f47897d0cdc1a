// Add Python 3.14 bytecode to pure wheels, compiled by the very Pyodide that will run
// them, so the browser imports Jinja2 and the builder without compiling them first.
//
//   node sitebuild/python_bundle/compile_wheels.mjs RUNTIME_DIR WHEEL...
//
// Each wheel is rewritten in place: every module gains a `__pycache__/*.cpython-314.pyc`
// with an unchecked source hash (used as is, so mtimes do not matter), the sources stay
// for readable tracebacks, and RECORD lists the new files.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(resolve(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: resolve(runtime) + "/" });

pyodide.runPython(`
import base64, hashlib, importlib.util, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def _digest(data):
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

def compile_wheel(src, dst):
    entries = []
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        record = next(n for n in zin.namelist() if n.endswith(".dist-info/RECORD"))
        for info in zin.infolist():
            if info.filename == record or "/__pycache__/" in info.filename:
                continue
            data = zin.read(info)
            zout.writestr(info, data)
            entries.append((info.filename, data))
            if info.filename.endswith(".py"):
                code = compile(data, info.filename, "exec", dont_inherit=True)
                pyc = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
                name = importlib.util.cache_from_source(info.filename)
                zout.writestr(name, pyc)
                entries.append((name, pyc))
        lines = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in entries]
        zout.writestr(record, "\\n".join([*lines, f"{record},,"]) + "\\n")
`);
const compileWheel = pyodide.globals.get("compile_wheel");
for (const wheel of wheels) {
  pyodide.FS.writeFile("/tmp/in.whl", new Uint8Array(readFileSync(wheel)));
  compileWheel("/tmp/in.whl", "/tmp/out.whl");
  writeFileSync(wheel, pyodide.FS.readFile("/tmp/out.whl"));
  console.log(`compiled ${basename(wheel)}`);
}
