import * as fs from "fs";
import * as path from "path";
import { OPERATIONS, type ScaleDetails } from "./scale-types";

/**
 * The scale benchmark's chart: wall time vs N on log-log axes, one colour per operation, ours
 * solid with dots, the plugin face dotted with rings, the no-op dynamic resources dashed with squares, and guides of slope 1 and 2
 * (time ∝ N, ∝ N²) ending at ours' largest `up`. Plain SVG written by hand: a few dozen elements.
 */

const W = 900;
const H = 560;
const M = { left: 70, right: 230, top: 58, bottom: 55 };
const COLOURS: Record<string, string> = { preview: "#1f77b4", up: "#d62728", refresh: "#2ca02c", destroy: "#9467bd" };

function ticks(lo: number, hi: number): number[] {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
        for (const m of [1, 2, 5]) {
            const v = m * 10 ** e;
            if (v >= lo * 0.999 && v <= hi * 1.001) {
                out.push(v);
            }
        }
    }
    return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function scaleChartSvg(details: ScaleDetails): string {
    const pts = details.measurements.filter((m) => m.n > 1);
    const ns = pts.map((m) => m.n);
    const secs = pts.map((m) => m.ms / 1000);
    const xLo = Math.min(...ns) / 1.3;
    const xHi = Math.max(...ns) * 1.3;
    const yLo = Math.min(...secs) / 1.3;
    const yHi = Math.max(...secs) * 1.3;
    const x = (n: number) => M.left + ((Math.log(n) - Math.log(xLo)) / (Math.log(xHi) - Math.log(xLo))) * (W - M.left - M.right);
    const y = (s: number) => H - M.bottom - ((Math.log(s) - Math.log(yLo)) / (Math.log(yHi) - Math.log(yLo))) * (H - M.top - M.bottom);
    const f = (v: number) => v.toFixed(1);
    const out: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
        `<rect width="${W}" height="${H}" fill="white"/>`,
        `<text x="${M.left}" y="22" font-size="14" font-weight="bold">Wall time vs N (log-log): pulumi-sagemaker models (solid), no-op dynamic resources (dashed)</text>`,
        `<text x="${M.left}" y="40" fill="#555">k: fitted growth exponent of the time above T(1) (docs/PERFORMANCE.md, benchmark 6); grey: time ∝ N and ∝ N²</text>`,
    ];
    for (const t of ticks(xLo, xHi)) {
        out.push(`<line x1="${f(x(t))}" y1="${M.top}" x2="${f(x(t))}" y2="${H - M.bottom}" stroke="#eee"/>`,
            `<text x="${f(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle">${t}</text>`);
    }
    for (const t of ticks(yLo, yHi)) {
        out.push(`<line x1="${M.left}" y1="${f(y(t))}" x2="${W - M.right}" y2="${f(y(t))}" stroke="#eee"/>`,
            `<text x="${M.left - 6}" y="${f(y(t) + 4)}" text-anchor="end">${t} s</text>`);
    }
    out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#888"/>`,
        `<text x="${(M.left + W - M.right) / 2}" y="${H - 14}" text-anchor="middle">N (resources in the stack)</text>`);
    // Guides of slope 1 and 2 ending at ours' largest up: which growth the lines follow.
    const top = pts.filter((m) => m.side === "ours" && m.op === "up").sort((a, b) => b.n - a.n)[0];
    if (top) {
        for (const k of [1, 2]) {
            const n0 = Math.max(xLo * 1.3, top.n / 10 ** (Math.log10((top.ms / 1000) / yLo) / k));
            const s0 = (top.ms / 1000) * (n0 / top.n) ** k;
            out.push(`<line x1="${f(x(n0))}" y1="${f(y(s0))}" x2="${f(x(top.n))}" y2="${f(y(top.ms / 1000))}" stroke="#bbb" stroke-dasharray="2,4"/>`,
                `<text x="${f(x(n0) + 4)}" y="${f(y(s0) - 4)}" fill="#999">∝ N${k === 2 ? "²" : ""}</text>`);
        }
    }
    let legendY = M.top + 10;
    for (const op of OPERATIONS) {
        for (const side of ["ours", "plugin", "noop"] as const) {
            const series = pts.filter((m) => m.op === op && m.side === side).sort((a, b) => a.n - b.n);
            if (series.length === 0) {
                continue;
            }
            const colour = COLOURS[op];
            const dash = side === "noop" ? ` stroke-dasharray="6,4"` : side === "plugin" ? ` stroke-dasharray="2,2"` : "";
            out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${series.map((m) => `${f(x(m.n))},${f(y(m.ms / 1000))}`).join(" ")}"/>`);
            for (const m of series) {
                out.push(side === "ours"
                    ? `<circle cx="${f(x(m.n))}" cy="${f(y(m.ms / 1000))}" r="3.5" fill="${colour}"><title>${op} N=${m.n}: ${m.ms} ms</title></circle>`
                    : side === "plugin"
                        ? `<circle cx="${f(x(m.n))}" cy="${f(y(m.ms / 1000))}" r="3.5" fill="white" stroke="${colour}"><title>plugin ${op} N=${m.n}: ${m.ms} ms</title></circle>`
                        : `<rect x="${f(x(m.n) - 3)}" y="${f(y(m.ms / 1000) - 3)}" width="6" height="6" fill="white" stroke="${colour}"><title>no-op ${op} N=${m.n}: ${m.ms} ms</title></rect>`);
            }
            const k = details.fits[side]?.[op]?.k;
            out.push(`<line x1="${W - M.right + 12}" y1="${legendY}" x2="${W - M.right + 40}" y2="${legendY}" stroke="${colour}" stroke-width="2"${dash}/>`,
                `<text x="${W - M.right + 46}" y="${legendY + 4}">${esc(`${op}${side === "noop" ? " (no-op)" : side === "plugin" ? " (plugin)" : ""}${k === undefined ? "" : `, k=${k}`}`)}</text>`);
            legendY += 20;
        }
    }
    out.push("</svg>");
    return out.join("\n") + "\n";
}

export function writeScaleChart(details: ScaleDetails, file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, scaleChartSvg(details));
}
