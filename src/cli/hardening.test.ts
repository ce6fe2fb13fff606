/** The CLI as a new user meets it, and as hostile input meets it (issue 15): help, suggestions, messages. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { terminalSafe, visible } from "../render/visible.js";
import { ftl } from "./test-io.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-cli-hard-"));
const example = new URL("../../examples/zephyr-7b-beta.lineage.json", import.meta.url).pathname;
const ESC = String.fromCharCode(27);

describe("command groups list their subcommands", () => {
  for (const group of ["query", "step", "crawl"])
    it(`ftl ${group} --help`, async () => {
      const result = await ftl([group, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^ftl ${group} — \\d+ commands?:`));
      expect(result.stdout).toMatch(new RegExp(`\\n {2}${group} \\S+ `));
    });
  it("a group alone lists them too, with exit 2", async () => {
    const result = await ftl(["query"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("query descendants");
  });
});

describe("did you mean", () => {
  it("an unknown flag", async () => {
    const result = await ftl(["export", example, "-f", "dot", "--outt", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ftl: unknown option '--outt' \(did you mean '--out'\?\)\n/);
  });
  it("an out-of-vocabulary value", async () => {
    const objective = await ftl(["query", "descendants", "x", "--objective", "sfft"]);
    expect(objective.stderr).toMatch(/--objective "sfft": expected one of .* \(did you mean "sft"\?\)/);
    const kind = await ftl(["step", "add", "--kind", "finetune", "--file", example]);
    expect(kind.stderr).toMatch(/--kind "finetune": .*\(did you mean "fine-tune"\?\)/);
    const format = await ftl(["export", example, "-f", "mermiad"]);
    expect(format.stderr).toMatch(/\(did you mean "mermaid"\?\)/);
  });
  it('"objective": "sfft" in a document', async () => {
    const doc = JSON.parse(readFileSync(example, "utf8"));
    doc.steps[0].objective = "sfft";
    const path = join(dir, "sfft.json");
    writeFileSync(path, JSON.stringify(doc));
    expect((await ftl(["validate", path])).stdout).toMatch(/got "sfft" \(did you mean "sft"\?\)/);
  });
  it("an unknown command or subcommand", async () => {
    expect((await ftl(["qurey"])).stderr).toMatch(/unknown command 'qurey' \(did you mean 'ftl query'\?\)/);
    const sub = await ftl(["query", "ancestor", "x"]);
    expect(sub.stderr).toMatch(
      /did you mean 'ftl query ancestors'\?\)\nrun 'ftl query --help' for its commands/,
    );
  });
});

describe("usage errors are clear", () => {
  it("--max-depth -1 gives ftl's message, not Node's parser error", async () => {
    const result = await ftl(["query", "ancestors", "x", "--max-depth", "-1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ftl: --max-depth "-1": expected a whole number ≥ 0\n');
  });
  it("a problem that is not a usage mistake does not point at --help", async () => {
    const result = await ftl(["validate", join(dir, "missing.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/--help/);
  });
});

describe("control characters in human output are shown, not obeyed", () => {
  it("visible() escapes controls and keeps the rest", () => {
    expect(visible(`a${ESC}[2Jb\n\t\u0007\u2028é`)).toBe("a\\e[2Jb\\n\\t\\x07\\u2028é");
    expect(terminalSafe(`line\n${ESC}]0;title\u0007`)).toBe("line\n\\e]0;title\\x07");
    expect(terminalSafe(`\r${ESC}[Kprogress`)).toBe(`\r${ESC}[Kprogress`);
  });
  it("a file name with an escape sequence", async () => {
    const name = join(dir, `evil${ESC}[2J.json`);
    const result = await ftl(["validate", name]);
    expect(result.stderr).toContain("evil\\e[2J.json");
    expect(result.stderr).not.toContain(ESC);
  });
  it("a file name with a line break cannot forge a line (validate, import)", async () => {
    const name = join(dir, "evil\nwarning: forged.yaml");
    writeFileSync(name, "model_name_or_path: org/a\nlearning_rate: x\n");
    for (const args of [
      ["validate", name],
      ["import", name],
    ]) {
      const result = await ftl(args);
      const out = result.stdout + result.stderr;
      expect(out, args[0]).toContain("evil\\nwarning: forged.yaml");
      expect(out, args[0]).not.toMatch(/^warning: forged/m);
    }
  });
  it("an id with an escape sequence or a line break is refused at validation, visibly", async () => {
    const doc = JSON.parse(readFileSync(example, "utf8"));
    doc.subject.id = `org/x${ESC}[2J\nwarning: forged`;
    const path = join(dir, "forged.json");
    writeFileSync(path, JSON.stringify(doc));
    const result = await ftl(["validate", path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/subject\.id: contains a control character or line break/);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toMatch(/^warning: forged/m);
  });
});

describe("YAML the yaml library would warn about (a collection as a key) warns nobody behind ftl's back", () => {
  it("in a config, a card's front matter, a card's YAML block, an audit policy", async () => {
    const emitted = vi.spyOn(process, "emitWarning");
    const config = join(dir, "collection-key.yaml");
    writeFileSync(config, "? [a]\n: b\nmodel_name_or_path: org/x\nlearning_rate: 1e-5\n");
    const card = join(dir, "collection-key.md");
    writeFileSync(
      card,
      "---\nlicense: mit\nbase_model: org/b\n? [a]\n: b\n---\n# x\n\n```yaml\n? [c]\n: d\n```\n",
    );
    await ftl(["import", config]);
    await ftl(["import", card]);
    await ftl(["audit", card]);
    const policy = await ftl(["audit", example, "--policy", config]);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain("unknown key(s)");
    expect(emitted).not.toHaveBeenCalled();
    emitted.mockRestore();
  });
});

describe("registry files that are not registries: exit 2 naming the file, never 70", () => {
  it("a 0-byte file given to query stays 0 bytes", async () => {
    const path = join(dir, "empty.db");
    writeFileSync(path, "");
    const result = await ftl(["query", "ancestors", "x/y", "--db", path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}: an empty file, not an ftl registry`);
    expect(readFileSync(path).length).toBe(0);
  });
  it("a truncated registry", async () => {
    const path = join(dir, "cut.db");
    expect((await ftl(["add", example, "--db", path])).code).toBe(0);
    writeFileSync(path, readFileSync(path).subarray(0, 20_000));
    const result = await ftl(["query", "ancestors", "HuggingFaceH4/zephyr-7b-beta", "--db", path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^ftl: ${path}: the registry file is damaged`));
  });
});

describe("non-regular files named on the command line are refused with exit 2", () => {
  for (const args of [["validate"], ["add", "--db", "r.db"], ["ingest", "--db", "r.db"], ["show"]])
    it(`ftl ${args[0]} /dev/zero`, async () => {
      const result = await ftl([...args, "/dev/zero"], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/\/dev\/zero: is a character device/);
    });
  const model = new URL("../../examples/tiny-model", import.meta.url).pathname;
  for (const args of [
    ["verify", "/dev/zero", "--key", "k.pub.pem"],
    ["sign", "--oms", model, "--key", "/dev/zero", "--out", "x.sig"],
    ["verify", "x.sig", "--key", "/dev/zero"],
    ["recipe", "/dev/zero", "--format", "trl"],
    ["hash", "/dev/zero"],
    ["capture", "/dev/zero"],
  ])
    it(`ftl ${args.join(" ")}`, async () => {
      if (args[0] === "verify" && args[1] === "x.sig") {
        await ftl(["keygen", "--out", "k", "--force"], { cwd: dir });
        await ftl(["sign", "--oms", model, "--key", "k.pem", "--out", "x.sig"], { cwd: dir });
      }
      const result = await ftl(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /\/dev\/zero:? (is a character device|is neither a regular file)|\/dev\/zero: not a folder/,
      );
    });
});

describe("two `ftl ingest` processes on a new SQLite file (issue 15: one exited 70)", () => {
  it("both succeed, and the registry has every document once", async () => {
    const { spawn } = await import("node:child_process");
    const runner = new URL("../../test/fixtures/hardening/run-ftl.ts", import.meta.url).pathname;
    const root = new URL("../..", import.meta.url).pathname;
    const line = (i: number): string =>
      JSON.stringify({
        format: "ftl/v1",
        subject: { id: `o/m${i}` },
        bases: [{ id: "o/base" }],
        steps: [
          { id: "s1", kind: "fine-tune", inputs: { models: [{ id: "o/base" }] }, output: { id: `o/m${i}` } },
        ],
      });
    const lines = Array.from({ length: 1500 }, (_, i) => line(i));
    writeFileSync(join(dir, "a.jsonl"), `${lines.slice(0, 1000).join("\n")}\n`);
    writeFileSync(join(dir, "b.jsonl"), `${lines.slice(500).join("\n")}\n`);
    const db = join(dir, "together.db");
    const ingest = (file: string) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(
          "node",
          ["--import", "tsx", runner, "ingest", join(dir, file), "--db", db, "--batch-size", "50"],
          { cwd: root },
        );
        let err = "";
        child.stderr.on("data", (d) => {
          err += String(d);
        });
        child.on("close", (code) => resolve({ code, err }));
      });
    const [a, b] = await Promise.all([ingest("a.jsonl"), ingest("b.jsonl")]);
    // Node's own process warnings (a busy machine can print some) are not ftl's messages.
    const ftlLines = (err: string) =>
      err.split("\n").filter((l) => l.trim() !== "" && !/^\(node(:\d+)?\)/.test(l));
    expect([a.code, b.code, ftlLines(a.err + b.err)]).toEqual([0, 0, []]);
    const check = await ftl(["query", "descendants", "o/base", "--db", db, "--json", "--limit", "all"]);
    expect(JSON.parse(check.stdout).models).toHaveLength(1500);
  }, 60_000);
});

describe("an id no store can hold is refused by validation, and the rest of the batch is stored", () => {
  it("on SQLite and on PostgreSQL", async () => {
    const { postgresProblem, PG_URL } = await import("../store/_test-stores.js");
    const doc = JSON.parse(readFileSync(example, "utf8"));
    doc.subject.id = "org/a\u0000b";
    doc.steps[1].output.id = "org/a\u0000b";
    const bad = join(dir, "nul.json");
    writeFileSync(bad, JSON.stringify(doc));
    const schema = `ftl_hard_${process.pid}`;
    const locations = [join(dir, "nul.db")];
    if ((await postgresProblem()) === undefined) locations.push(`${PG_URL}?schema=${schema}`);
    for (const db of locations) {
      const result = await ftl(["add", bad, example, "--db", db]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/nul\.json: not added: subject\.id: contains a NUL character/);
      expect(result.stdout).toMatch(/1 added/);
    }
    if (locations.length > 1) {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});
