// @ts-check
/*
 * A Node.js language host for the Pulumi engine, used where the Go module of the official
 * `pulumi-language-nodejs` cannot be fetched (see README, "The engine here"). It implements the
 * engine's LanguageRuntime gRPC service with the stubs that ship in @pulumi/pulumi, and runs programs
 * and policy packs with @pulumi/pulumi's own entry points (cmd/run, cmd/run-policy-pack), exactly
 * the scripts the official host launches. It does not install plugins or dependencies: `npm run
 * setup` does that.
 *
 * Usage (by the engine): pulumi-language-nodejs [-flags...] <engine-address>
 * Prints the port it listens on, as every Pulumi plugin does.
 */
"use strict";

const path = require("path");
const fs = require("fs");
const { spawn } = require("child_process");

// The checkout's own @pulumi/pulumi; for the copy kept in the machine-wide CLI cache (see
// scripts/ensure-pulumi.sh), the program's, from the directory the engine starts the host in.
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [__dirname, process.cwd()] }));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
const langproto = require(path.join(pulumiDir, "proto/language_pb"));
const langrpc = require(path.join(pulumiDir, "proto/language_grpc_pb"));
const pluginproto = require(path.join(pulumiDir, "proto/plugin_pb"));
const emptyproto = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));
const pulumiVersion = require(path.join(pulumiDir, "package.json")).version;

/** Exit code @pulumi/pulumi uses for "the error was already shown to the user". */
const EXIT_ALREADY_REPORTED = 32;

const debugLog = process.env.PULUMI_SAGEMAKER_LANGHOST_LOG;
function debug(/** @type {string} */ message) {
    if (debugLog) {
        fs.appendFileSync(debugLog, `${new Date().toISOString()} ${message}\n`);
    }
}

const positional = process.argv.slice(2).filter((a) => !a.startsWith("-"));
let engineAddress = positional[positional.length - 1] || "";

/** Resolves an entry point of @pulumi/pulumi as the program itself would (its own node_modules first). */
function pulumiScript(/** @type {string} */ fromDir, /** @type {string} */ script) {
    try {
        return require.resolve(`@pulumi/pulumi/${script}`, { paths: [fromDir] });
    } catch {
        return path.join(pulumiDir, script);
    }
}

/** The runtime options of Pulumi.yaml (`runtime.options`), as a plain object. */
function runtimeOptions(/** @type {any} */ info) {
    const options = info && info.getOptions && info.getOptions();
    return options ? options.toJavaScript() : {};
}

function nodeArgs(/** @type {Record<string, any>} */ options) {
    return typeof options.nodeargs === "string" && options.nodeargs.trim() !== "" ? options.nodeargs.trim().split(/\s+/) : [];
}

/** Environment for a program: the engine's config plus the TypeScript switches the official host sets. */
function programEnv(/** @type {Record<string, any>} */ options, /** @type {Record<string, string>} */ extra) {
    /** @type {Record<string, string | undefined>} */
    const env = { ...process.env, ...extra };
    if (options.typescript !== false) {
        env.PULUMI_NODEJS_TYPESCRIPT = "true";
    }
    if (typeof options.tsconfig === "string") {
        env.PULUMI_NODEJS_TSCONFIG_PATH = options.tsconfig;
    }
    return env;
}

/** Runs a child process, streaming its output through the given callbacks; resolves to its exit code. */
function runChild(/** @type {string[]} */ args, /** @type {any} */ opts, onStdout = (/** @type {Buffer} */ _b) => {}, onStderr = (/** @type {Buffer} */ _b) => {}) {
    return new Promise((resolve) => {
        debug(`spawn ${process.execPath} ${args.join(" ")} (cwd ${opts.cwd})`);
        const child = spawn(process.execPath, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.on("data", onStdout);
        child.stderr.on("data", onStderr);
        child.on("error", (err) => {
            onStderr(Buffer.from(`failed to start node: ${err.message}\n`));
            resolve(1);
        });
        child.on("close", (code, signal) => resolve(code === null ? (signal ? 128 : 1) : code));
    });
}

const service = {
    handshake(/** @type {any} */ call, /** @type {any} */ callback) {
        engineAddress = call.request.getEngineAddress() || engineAddress;
        callback(null, new langproto.LanguageHandshakeResponse());
    },

    getPluginInfo(/** @type {any} */ _call, /** @type {any} */ callback) {
        const info = new pluginproto.PluginInfo();
        info.setVersion(pulumiVersion);
        callback(null, info);
    },

    // Programs here use only dynamic providers, which the engine resolves itself.
    getRequiredPlugins(/** @type {any} */ _call, /** @type {any} */ callback) {
        callback(null, new langproto.GetRequiredPluginsResponse());
    },

    getRequiredPackages(/** @type {any} */ _call, /** @type {any} */ callback) {
        callback(null, new langproto.GetRequiredPackagesResponse());
    },

    getProgramDependencies(/** @type {any} */ call, /** @type {any} */ callback) {
        const res = new langproto.GetProgramDependenciesResponse();
        const info = call.request.getInfo();
        const dir = info ? info.getProgramDirectory() : call.request.getPwd();
        const deps = findDependencies(dir);
        for (const [name, version] of Object.entries(deps)) {
            const dep = new langproto.DependencyInfo();
            dep.setName(name);
            dep.setVersion(version);
            res.addDependencies(dep);
        }
        callback(null, res);
    },

    about(/** @type {any} */ _call, /** @type {any} */ callback) {
        const res = new langproto.AboutResponse();
        res.setExecutable(process.execPath);
        res.setVersion(process.version);
        callback(null, res);
    },

    runtimeOptionsPrompts(/** @type {any} */ _call, /** @type {any} */ callback) {
        callback(null, new langproto.RuntimeOptionsResponse());
    },

    installDependencies(/** @type {any} */ call) {
        const res = new langproto.InstallDependenciesResponse();
        res.setStdout(Buffer.from("Dependencies are installed by `npm run setup` in this project.\n"));
        call.write(res);
        call.end();
    },

    cancel(/** @type {any} */ _call, /** @type {any} */ callback) {
        callback(null, new emptyproto.Empty());
    },

    /** Runs a Pulumi program: `node @pulumi/pulumi/cmd/run --monitor ... <entry point>`. */
    async run(/** @type {any} */ call, /** @type {any} */ callback) {
        const req = call.request;
        const info = req.getInfo();
        const programDir = info ? info.getProgramDirectory() : req.getPwd();
        const rootDir = info ? info.getRootDirectory() : req.getPwd();
        const entryPoint = (info && info.getEntryPoint()) || req.getProgram() || ".";
        const options = runtimeOptions(info);
        const flags = [];
        const add = (/** @type {string} */ name, /** @type {string} */ value) => {
            if (value) {
                flags.push(`--${name}=${value}`);
            }
        };
        add("monitor", req.getMonitorAddress());
        add("engine", engineAddress);
        add("organization", req.getOrganization());
        add("project", req.getProject());
        add("root-directory", rootDir);
        add("stack", req.getStack());
        add("pwd", req.getPwd());
        add("parallel", String(req.getParallel()));
        if (req.getDryrun()) {
            flags.push("--dry-run");
        }
        const config = Object.fromEntries(req.getConfigMap().toArray());
        const env = programEnv(options, {
            PULUMI_CONFIG: JSON.stringify(config),
            PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
        });
        const args = [...nodeArgs(options), pulumiScript(programDir, "cmd/run"), ...flags, entryPoint, ...req.getArgsList()];
        const code = await runChild(args, { cwd: req.getPwd() || programDir, env },
            (b) => process.stdout.write(b), (b) => process.stderr.write(b));
        const res = new langproto.RunResponse();
        if (code === EXIT_ALREADY_REPORTED) {
            res.setBail(true);
        } else if (code !== 0) {
            res.setError(`Program exited with non-zero exit code: ${code}`);
        }
        callback(null, res);
    },

    /** Runs a plugin written in Node.js; policy packs are the one kind used here. */
    async runPlugin(/** @type {any} */ call) {
        const req = call.request;
        const info = req.getInfo();
        const programDir = (info && info.getProgramDirectory()) || req.getProgram() || req.getPwd();
        const options = runtimeOptions(info);
        const script = req.getKind() === "policy" || fs.existsSync(path.join(programDir, "PulumiPolicy.yaml"))
            ? "cmd/run-policy-pack" : "cmd/run-plugin";
        /** @type {Record<string, string>} */
        const extra = {};
        for (const kv of req.getEnvList()) {
            const i = kv.indexOf("=");
            if (i > 0) {
                extra[kv.slice(0, i)] = kv.slice(i + 1);
            }
        }
        debug(`runPlugin kind=${req.getKind()} program=${programDir} args=${JSON.stringify(req.getArgsList())} env=${JSON.stringify(Object.keys(extra))}`);
        const args = [...nodeArgs(options), pulumiScript(programDir, script), ...req.getArgsList(), programDir];
        const send = (/** @type {"setStdout" | "setStderr"} */ setter) => (/** @type {Buffer} */ b) => {
            const res = new langproto.RunPluginResponse();
            res[setter](b);
            call.write(res);
        };
        // A plugin runs in its own directory (PolicyPack reads ./package.json for its version).
        const code = await runChild(args, { cwd: programDir, env: programEnv(options, extra) },
            send("setStdout"), send("setStderr"));
        const done = new langproto.RunPluginResponse();
        done.setExitcode(code);
        call.write(done);
        call.end();
    },
};

/** Direct dependencies of the program with their installed versions (for `pulumi about`). */
function findDependencies(/** @type {string} */ dir) {
    /** @type {Record<string, string>} */
    const out = {};
    try {
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
            try {
                const manifest = require.resolve(`${name}/package.json`, { paths: [dir] });
                out[name] = JSON.parse(fs.readFileSync(manifest, "utf8")).version;
            } catch {
                // Not installed, or its package.json is not exported: leave it out.
            }
        }
    } catch {
        // No package.json: nothing to report.
    }
    return out;
}

function main() {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(langrpc.LanguageRuntimeService, service);
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (/** @type {Error | null} */ err, /** @type {number} */ port) => {
        if (err) {
            process.stderr.write(`language host failed to listen: ${err.message}\n`);
            process.exit(1);
        }
        debug(`listening on ${port}, engine ${engineAddress}, argv ${JSON.stringify(process.argv.slice(2))}`);
        process.stdout.write(`${port}\n`);
    });
}

main();
