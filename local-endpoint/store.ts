// In-memory state per region, optionally persisted to a JSON file after every change.
import * as fs from "fs";
import * as path from "path";

export type Json = Record<string, unknown>;
export interface Tag { Key: string; Value?: string }

interface Record_ { arn: string; creationTime: number; seq: number }
export interface ModelRecord extends Record_ { name: string; request: Json }
export interface GroupRecord extends Record_ { name: string; request: Json }
export interface PackageRecord extends Record_ {
  /** ModelPackageName for unversioned packages, the group name for versioned ones. */
  name: string;
  groupName?: string;
  version?: number;
  request: Json;
  approvalStatus?: string;
  approvalDescription?: string;
  lastModifiedTime?: number;
  /** Decided at creation: the package ends Failed with this reason. */
  failureReason?: string;
}

export interface RegionState {
  models: Record<string, ModelRecord>;
  groups: Record<string, GroupRecord>;
  packages: Record<string, PackageRecord>;
  tags: Record<string, Tag[]>;
  groupVersions: Record<string, number>;
  clientTokens: Record<string, { fingerprint: string; arn: string }>;
}

interface StateFile { version: 1; seq: number; regions: Record<string, RegionState> }

const emptyRegion = (): RegionState => ({ models: {}, groups: {}, packages: {}, tags: {}, groupVersions: {}, clientTokens: {} });

export class Store {
  private state: StateFile = { version: 1, seq: 0, regions: {} };

  constructor(private readonly statePath?: string) {
    if (statePath && fs.existsSync(statePath)) {
      const loaded = JSON.parse(fs.readFileSync(statePath, "utf8")) as StateFile;
      if (loaded.version !== 1) throw new Error(`unsupported state file version in ${statePath}`);
      this.state = loaded;
    }
  }

  region(name: string): RegionState {
    return (this.state.regions[name] ??= emptyRegion());
  }

  regions(): [string, RegionState][] {
    return Object.entries(this.state.regions);
  }

  /** Insertion order breaks ties between resources created in the same millisecond. */
  nextSeq(): number {
    return ++this.state.seq;
  }

  /** Called after every mutation; the file is replaced atomically so a crash never leaves half a file. */
  save(): void {
    if (!this.statePath) return;
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(path.resolve(this.statePath)), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(this.state));
    fs.renameSync(tmp, this.statePath);
  }
}
