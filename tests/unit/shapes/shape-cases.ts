// Builds validator test cases from the generated table: a minimal valid input per root shape, and for
// each constrained member reachable from it, one accepted value and one rejected value per constraint.
import { getShape, ShapeDefinition } from "../../../provider/shapes/validate";

/** A valid and (where the pattern can fail at all) an invalid example for each AWS pattern. */
export const PATTERN_EXAMPLES: Record<string, { valid: string; invalid?: string }> = {
  "[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?": { valid: "my-model-1", invalid: "-bad-" },
  "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}": { valid: "my-entity", invalid: "bad_name" },
  "[\\S]+": { valid: "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1", invalid: "has space" },
  ".*": { valid: "anything", invalid: "line\nbreak" },
  "(https|s3)://([^/]+)/?(.*)": { valid: "s3://bucket/key", invalid: "ftp://bucket/key" },
  "[A-Za-z0-9\\.\\-_]+": { valid: "channel.1", invalid: "bad channel" },
  "[a-zA-Z_][a-zA-Z0-9_]*": { valid: "MY_VAR", invalid: "1VAR" },
  "[\\S\\s]*": { valid: "any value\nat all" },
  "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,9})?":
    { valid: "arn:aws:sagemaker:us-east-1:123456789012:model-package/group/3", invalid: "ends-with-" },
  "/(?!.*\\.\\.)[a-zA-Z0-9/_.\\-]+": { valid: "/metrics", invalid: "/a/../b" },
  "arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+":
    { valid: "arn:aws:iam::123456789012:role/SageMakerRole", invalid: "arn:aws:iam::123:role/SageMakerRole" },
  "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)": { valid: "Team é 1", invalid: "semi;colon" },
  "[-0-9a-zA-Z]+": { valid: "sg-0123", invalid: "sg 0123" },
  "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)":
    { valid: "my-group", invalid: "my_group" },
  "[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*": { valid: "A description, with punctuation!", invalid: "tab\there" },
  "[Ss][Hh][Aa]256:[0-9a-fA-F]{64}": { valid: `sha256:${"a".repeat(64)}`, invalid: "md5:abc" },
  "[a-zA-Z0-9](-*[a-zA-Z0-9])*": { valid: "prod-1", invalid: "prod_1" },
  "[\\S\\s]+": { valid: "{\"input\":[1,3]}" },
  "[0-9]\\.[A-Za-z0-9.-]+": { valid: "2.1.0", invalid: "v2.1" },
  "\\d{1,4}.\\d{1,4}.\\d{1,4}": { valid: "1.0.0", invalid: "a.b.c" },
  "[-\\w]+\\/.+": { valid: "application/json", invalid: "json" },
  "[a-zA-Z_][a-zA-Z0-9_]{0,1023}": { valid: "TRANSFORM_VAR", invalid: "9VAR" },
  "[a-zA-Z0-9:/_-]*": { valid: "alias/my-key", invalid: "key with space" },
  "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*": { valid: "al2-ami-sagemaker-batch-gpu-470", invalid: "ami--1" },
  "[a-zA-Z0-9-]+": { valid: "token-1", invalid: "token_1" },
  "([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}": { valid: "team", invalid: "semi;colon" },
  "([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,256}": { valid: "ml-platform", invalid: "semi;colon" },
  "[\\p{L}\\p{M}\\p{Z}\\p{N}\\p{P}]{0,1024}": { valid: "https://example.com/model", invalid: "a+b" },
  ".{0,1024}": { valid: "stage", invalid: "line\nbreak" },
  "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package/[\\S]{1,2048}":
    { valid: "arn:aws:sagemaker:us-east-1:123456789012:model-package/group/1", invalid: "arn:aws:sagemaker:us-east-1:123456789012:model/x" },
};

export type Step = { kind: "member"; name: string; shape: string } | { kind: "item"; shape: string } | { kind: "mapValue"; shape: string };

export interface Target {
  path: string;
  steps: Step[];
  shapeName: string;
  /** The member is required by its parent structure. */
  required: boolean;
}

export interface Case { description: string; value: unknown; expect: "accept" | { constraint: string; path: string } }

function shapeOf(name: string): ShapeDefinition {
  const shape = getShape(name);
  if (!shape) throw new Error(`no shape ${name}`);
  return shape;
}

export function sampleString(name: string): string {
  const shape = shapeOf(name);
  let s: string;
  if (shape.enum) s = shape.enum[0];
  else if (shape.pattern !== undefined) {
    const example = PATTERN_EXAMPLES[shape.pattern];
    if (!example) throw new Error(`add an example for pattern ${JSON.stringify(shape.pattern)} (shape ${name})`);
    s = example.valid;
  } else s = "x".repeat(Math.max(shape.min ?? 1, 1));
  const length = [...s].length;
  if ((shape.min !== undefined && length < shape.min) || (shape.max !== undefined && length > shape.max)) {
    throw new Error(`sample ${JSON.stringify(s)} does not fit the length bounds of ${name}`);
  }
  return s;
}

function mapKey(keyShape: string, i: number): string {
  const base = sampleString(keyShape);
  return i === 0 ? base : `${base}${i}`;
}

/** The smallest valid value of a shape: required members only, lists/maps at their minimum size. */
export function minimal(name: string): unknown {
  const shape = shapeOf(name);
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const member of shape.required ?? []) out[member] = minimal(shape.members![member]);
      if (shape.union && !shape.required?.length) {
        const [first, firstShape] = Object.entries(shape.members!)[0];
        out[first] = minimal(firstShape);
      }
      return out;
    }
    case "list": return Array.from({ length: shape.min ?? 0 }, () => minimal(shape.member!));
    case "map": {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < (shape.min ?? 0); i++) out[mapKey(shape.key!, i)] = minimal(shape.value!);
      return out;
    }
    case "string": return sampleString(name);
    case "boolean": return true;
    case "timestamp": return new Date(0);
    case "integer": case "long": case "float": case "double":
      return shape.min ?? Math.min(0, shape.max ?? 0);
    default: throw new Error(`no sample for ${shape.type}`);
  }
}

/** Every member reachable from root, each structure expanded once (through its first path). */
export function reachableTargets(root: string): Target[] {
  const targets: Target[] = [];
  const expanded = new Set<string>();
  const queue: { shapeName: string; path: string; steps: Step[] }[] = [{ shapeName: root, path: "", steps: [] }];
  while (queue.length) {
    const { shapeName, path, steps } = queue.shift()!;
    const shape = shapeOf(shapeName);
    if (shape.type === "structure") {
      if (expanded.has(shapeName)) continue;
      expanded.add(shapeName);
      for (const [member, memberShape] of Object.entries(shape.members ?? {})) {
        const memberPath = path ? `${path}.${member}` : member;
        const memberSteps: Step[] = [...steps, { kind: "member", name: member, shape: memberShape }];
        targets.push({ path: memberPath, steps: memberSteps, shapeName: memberShape, required: (shape.required ?? []).includes(member) });
        queue.push({ shapeName: memberShape, path: memberPath, steps: memberSteps });
      }
    } else if (shape.type === "list") {
      const itemPath = `${path}[0]`;
      const itemSteps: Step[] = [...steps, { kind: "item", shape: shape.member! }];
      if (shapeOf(shape.member!).type !== "structure") targets.push({ path: itemPath, steps: itemSteps, shapeName: shape.member!, required: false });
      queue.push({ shapeName: shape.member!, path: itemPath, steps: itemSteps });
    } else if (shape.type === "map") {
      const entryPath = `${path}.${sampleString(shape.key!)}`;
      const entrySteps: Step[] = [...steps, { kind: "mapValue", shape: shape.value! }];
      if (shapeOf(shape.value!).type !== "structure") targets.push({ path: entryPath, steps: entrySteps, shapeName: shape.value!, required: false });
      queue.push({ shapeName: shape.value!, path: entryPath, steps: entrySteps });
    }
  }
  return targets;
}

/** A copy of `base` where the value at `steps` is replaced (or deleted when value is DELETE). */
export const DELETE = Symbol("delete");
export function withValue(root: string, steps: Step[], value: unknown): Record<string, unknown> {
  const top = minimal(root) as Record<string, unknown>;
  let parent: unknown = top;
  let parentShape = root;
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    const container = parent as Record<string, unknown> | unknown[];
    let key: string | number;
    if (step.kind === "member") key = step.name;
    else if (step.kind === "item") key = 0;
    else key = sampleString(shapeOf(parentShape).key!);
    if (last) {
      if (value === DELETE) delete (container as Record<string, unknown>)[key as string];
      else (container as Record<string, unknown>)[key as string] = value;
      return;
    }
    const current = (container as Record<string, unknown>)[key as string];
    if (current === undefined) (container as Record<string, unknown>)[key as string] = minimal(step.shape);
    parent = (container as Record<string, unknown>)[key as string];
    parentShape = step.shape;
  });
  return top;
}

function wrongType(shape: ShapeDefinition): unknown {
  return shape.type === "string" || shape.type === "timestamp" ? { not: "a string" } : "not-the-right-type";
}

/** One accepted value plus one rejected value per constraint of the target's shape. */
export function casesFor(target: Target): Case[] {
  const shape = shapeOf(target.shapeName);
  const at = (constraint: string, path = target.path) => ({ constraint, path });
  const cases: Case[] = [{ description: "minimal valid value", value: minimal(target.shapeName), expect: "accept" }];
  if (target.required) cases.push({ description: "missing", value: DELETE, expect: at("required") });
  cases.push({ description: "wrong type", value: wrongType(shape), expect: at("type") });
  if (shape.type === "string") {
    if (shape.min !== undefined && shape.min > 0) cases.push({ description: `length ${shape.min - 1}`, value: "a".repeat(shape.min - 1), expect: at("min") });
    if (shape.max !== undefined) cases.push({ description: `length ${shape.max + 1}`, value: "a".repeat(shape.max + 1), expect: at("max") });
    if (shape.enum) cases.push({ description: "value outside the enum", value: "NotAnAllowedValue", expect: at("enum") });
    const invalid = shape.pattern !== undefined ? PATTERN_EXAMPLES[shape.pattern]?.invalid : undefined;
    if (invalid !== undefined) cases.push({ description: `pattern mismatch ${JSON.stringify(invalid)}`, value: invalid, expect: at("pattern") });
  } else if (["integer", "long", "float", "double"].includes(shape.type)) {
    if (shape.min !== undefined) cases.push({ description: `value ${shape.min - 1}`, value: shape.min - 1, expect: at("min") });
    if (shape.max !== undefined) cases.push({ description: `value ${shape.max + 1}`, value: shape.max + 1, expect: at("max") });
    if (shape.type === "integer" || shape.type === "long") cases.push({ description: "fraction", value: 1.5, expect: at("type") });
  } else if (shape.type === "list") {
    const item = () => minimal(shape.member!);
    if (shape.min !== undefined && shape.min > 0) cases.push({ description: `${shape.min - 1} items`, value: Array.from({ length: shape.min - 1 }, item), expect: at("min") });
    if (shape.max !== undefined) cases.push({ description: `${shape.max + 1} items`, value: Array.from({ length: shape.max + 1 }, item), expect: at("max") });
  } else if (shape.type === "map") {
    const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [mapKey(shape.key!, i), minimal(shape.value!)]));
    if (shape.min !== undefined && shape.min > 0) cases.push({ description: `${shape.min - 1} entries`, value: entries(shape.min - 1), expect: at("min") });
    if (shape.max !== undefined) cases.push({ description: `${shape.max + 1} entries`, value: entries(shape.max + 1), expect: at("max") });
    const keyShape = shapeOf(shape.key!);
    const badKey = keyShape.pattern !== undefined ? PATTERN_EXAMPLES[keyShape.pattern]?.invalid : undefined;
    if (badKey !== undefined) cases.push({ description: "invalid key", value: { [badKey]: minimal(shape.value!) }, expect: at("pattern", `${target.path}.${badKey}`) });
  } else if (shape.type === "structure") {
    cases.push({ description: "unknown member", value: { ...(minimal(target.shapeName) as object), NotAMember: 1 }, expect: at("unknownMember", `${target.path}.NotAMember`) });
  }
  return cases;
}

/** True when the shape carries a constraint worth a rejected case beyond its type. */
export function isConstrained(target: Target): boolean {
  const s = shapeOf(target.shapeName);
  return target.required || s.min !== undefined || s.max !== undefined || s.pattern !== undefined || s.enum !== undefined || s.type === "structure";
}
