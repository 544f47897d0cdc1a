// Compile pure wheels to Python 3.14 bytecode, by the very Pyodide that will run them,
// so the browser imports Jinja2 and the builder without compiling them first, and
// without their docstrings (deflated, Jinja2 went from 317 to 271 kB, the builder from
// 289 to 259 kB; the snapshot, which holds them, from 3.31 to 3.24 MB).
//
//   node sitebuild/python_bundle/compile_wheels.mjs RUNTIME_DIR WHEEL...
//
// Each wheel is rewritten in place: every module's source gives way to its bytecode,
// `mod.py` to `mod.pyc` beside it (where Python imports a module without its source),
// and RECORD lists the new files. Only the bytecode: the sources doubled what a slow
// link carries for these wheels (265 kB of 700 kB), and the site's pages never show a
// traceback. One still names file and line: each module is compiled under the path
// Pyodide installs it at (site-packages), so tracebacks, and the in-Pyodide tests'
// watch on which code imported what, see the real place. Data files stay as they are.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(resolve(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: resolve(runtime) + "/" });

pyodide.runPython(`
import ast, base64, hashlib, importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

from pyodide._package_loader import SITE_PACKAGES  # where loadPackage unpacks, as it says

SITE = str(SITE_PACKAGES)

def without_docstrings(data, name):
    """The module's tree without its docstrings, which nothing of the builder, Jinja2
    or MarkupSafe reads (as under python -OO): fewer bytes on the wire and in the
    snapshot. Every other node keeps its line, so tracebacks still point true."""
    tree = ast.parse(data, name)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
                doc = body.pop(0)
                if not body:
                    body.append(ast.copy_location(ast.Pass(), doc))
    return tree


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
            name = info.filename
            if name.endswith(".py"):
                code = compile(without_docstrings(data, name), f"{SITE}/{name}", "exec", dont_inherit=True)
                data = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
                name += "c"
            out = zipfile.ZipInfo(name, info.date_time)
            out.external_attr, out.compress_type = info.external_attr, zipfile.ZIP_DEFLATED
            zout.writestr(out, data)
            entries.append((name, data))
        lines = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in entries]
        # RECORD keeps its own time too (not the time of this build): a wheel made again
        # from the same files is the same bytes, and so is the bundle's address.
        kept = zin.getinfo(record)
        out = zipfile.ZipInfo(record, kept.date_time)
        out.external_attr, out.compress_type = kept.external_attr, zipfile.ZIP_DEFLATED
        zout.writestr(out, "\\n".join([*lines, f"{record},,"]) + "\\n")
`);
const compileWheel = pyodide.globals.get("compile_wheel");
for (const wheel of wheels) {
  pyodide.FS.writeFile("/tmp/in.whl", new Uint8Array(readFileSync(wheel)));
  compileWheel("/tmp/in.whl", "/tmp/out.whl");
  writeFileSync(wheel, pyodide.FS.readFile("/tmp/out.whl"));
  console.log(`compiled ${basename(wheel)}`);
}
