"""The memory a container (a Linux control group) still lets this process use.

`/proc/meminfo` tells the whole machine's free memory. In a container with a memory limit (Docker's
`--memory`, a Kubernetes pod, a systemd slice, a managed classroom machine) the kernel kills the process
once the group reaches its limit, however much the machine has free. So the memory check before training
takes the smaller of the two: the group's limit less what it uses, page cache the kernel can drop not
counted as used. Both cgroup versions are read; a limit on any group above ours counts too.
"""

from __future__ import annotations

from pathlib import Path

PROC_CGROUP = Path("/proc/self/cgroup")
CGROUP_ROOT = Path("/sys/fs/cgroup")
NO_LIMIT = 1 << 60  # cgroup v1 writes "no limit" as a number near 2^63


def cgroup_available_bytes() -> int | None:
    """Bytes this process's memory cgroups still allow, or None: no limit, not Linux, or unreadable."""
    try:
        lines = PROC_CGROUP.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    v1 = v2 = None
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        hierarchy, controllers, path = parts
        if "memory" in controllers.split(","):
            v1 = path
        elif hierarchy == "0" and controllers == "":
            v2 = path
    if v1 is not None:
        return _smallest_room(CGROUP_ROOT / "memory", v1, "memory.limit_in_bytes", "memory.usage_in_bytes",
                              "total_inactive_file")
    if v2 is not None:
        return _smallest_room(CGROUP_ROOT, v2, "memory.max", "memory.current", "inactive_file")
    return None


def _smallest_room(mount: Path, path: str, limit_file: str, usage_file: str, reclaimable: str) -> int | None:
    """The least room (limit − usage + droppable cache) over the group at `path` and the groups above it.
    Inside a container's own cgroup namespace the path may not exist under the mount: the mount's root is
    then the group itself."""
    parts = [part for part in path.strip("/").split("/") if part]
    folders = [mount.joinpath(*parts[:depth]) for depth in range(len(parts), -1, -1)]
    rooms = []
    for folder in folders:
        limit = _number(folder / limit_file)
        if limit is None or limit >= NO_LIMIT:
            continue
        usage = _number(folder / usage_file)
        if usage is None:
            continue
        rooms.append(max(limit - usage + (_stat(folder / "memory.stat", reclaimable) or 0), 0))
    return min(rooms) if rooms else None


def _number(file: Path) -> int | None:
    try:
        text = file.read_text(encoding="ascii").strip()
        return None if text == "max" else int(text)
    except (OSError, ValueError):
        return None


def _stat(file: Path, key: str) -> int | None:
    try:
        for line in file.read_text(encoding="ascii").splitlines():
            name, _, value = line.partition(" ")
            if name == key:
                return int(value)
    except (OSError, ValueError):
        return None
    return None
