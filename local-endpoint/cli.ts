#!/usr/bin/env node
// The `sagemaker-local` command (package.json `bin`; compiled to dist/local-endpoint/cli.js):
//   sagemaker-local --port 4599 [--state file.json] [--region us-east-1] [--account-id N]
//     [--host 127.0.0.1] [--package-delay-ms N] [--package-failure REGEX=REASON ...] [--faults faults.json]
// In this repository: npm run sagemaker-local -- --port 4599 ...
import * as fs from "fs";
import { startLocalEndpoint } from "./server";
import type { FaultConfig, LocalEndpointOptions } from "./types";

const USAGE = `Usage: sagemaker-local [--port 4599] [--host 127.0.0.1] [--state file.json]
  [--region us-east-1] [--account-id 123456789012] [--package-delay-ms 500]
  [--package-failure REGEX=REASON]... [--faults faults.json]
Reference: docs/LOCAL-ENDPOINT.md (in the pulumi-sagemaker package).`;

export function parseArgs(argv: string[]): LocalEndpointOptions {
  const opts: LocalEndpointOptions = { port: 4599 };
  const next = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const integer = (v: string, flag: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a non-negative integer, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case "--port": opts.port = integer(next(i++, flag), flag); break;
      case "--host": opts.host = next(i++, flag); break;
      case "--state": opts.statePath = next(i++, flag); break;
      case "--region": opts.region = next(i++, flag); break;
      case "--account-id": opts.accountId = next(i++, flag); break;
      case "--package-delay-ms": opts.packageStatusDelayMs = integer(next(i++, flag), flag); break;
      case "--package-failure": {
        const v = next(i++, flag);
        const eq = v.indexOf("=");
        if (eq <= 0) throw new Error(`${flag} expects REGEX=REASON, got ${v}`);
        (opts.packageFailures ??= []).push({ match: v.slice(0, eq), reason: v.slice(eq + 1) });
        break;
      }
      case "--faults": opts.faults = JSON.parse(fs.readFileSync(next(i++, flag), "utf8")) as FaultConfig; break;
      case "--help": case "-h": console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown argument ${flag}\n${USAGE}`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: LocalEndpointOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const endpoint = await startLocalEndpoint(opts);
  console.log(`Local SageMaker endpoint listening on ${endpoint.url} (region ${endpoint.region}, account ${endpoint.accountId})`);
  console.log(`AWS_ENDPOINT_URL_SAGEMAKER=${endpoint.url}`);
  if (opts.statePath) console.log(`state file: ${opts.statePath}`);
  const stop = () => {
    endpoint.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
