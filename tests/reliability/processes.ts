// Process helpers for the SIGKILL test: the engine starts its language host and plugins in their
// own process groups, so killing `pulumi` leaves them running. We find them by parent pid (from
// /proc) before the kill, and end exactly those pids afterwards.
import * as fs from "fs";

function parentOf(pid: number): number | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // pid (comm) state ppid ...: comm may contain spaces, so split after the last ")".
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(fields[1]);
    } catch {
        return undefined;
    }
}

/** Every live descendant of `root` (children, grandchildren...). */
export function descendants(root: number): number[] {
    const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
    const children = new Map<number, number[]>();
    for (const pid of all) {
        const ppid = parentOf(pid);
        if (ppid !== undefined) {
            children.set(ppid, [...(children.get(ppid) ?? []), pid]);
        }
    }
    const out: number[] = [];
    const queue = [root];
    while (queue.length > 0) {
        const next = children.get(queue.shift()!) ?? [];
        out.push(...next);
        queue.push(...next);
    }
    return out;
}

export function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** SIGKILL each pid that is still alive. */
export function killAll(pids: number[]): void {
    for (const pid of pids) {
        try {
            process.kill(pid, "SIGKILL");
        } catch {
            // already gone
        }
    }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
