import pkgutil
import subprocess
import sys

import playground.core


def test_core_modules_import_without_qt():
    names = [m.name for m in pkgutil.walk_packages(playground.core.__path__, "playground.core.")]
    code = (
        "import sys\n"
        f"for n in {names!r}: __import__(n)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Qt: {out.stdout}"
    assert len(names) >= 10
