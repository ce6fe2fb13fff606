/**
 * `--into README.md` never destroys a user's card (issue 15): ambiguous cards are refused and left as they
 * were; the user's bytes outside the front matter and the section are identical before and after; symlinks,
 * permissions and read-only files are respected; ids are escaped for where they land.
 */
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import { oneStep } from "../store/_test-stores.js";
import { CardUpdateError, findSection, updateHfCard, updateHfCardBytes } from "./card-into.js";
import { SECTION_END, SECTION_START } from "./hf-card.js";
import { readHfCard } from "./read-hf-card.js";

const doc = oneStep("org/model", ["org/base"], { datasets: ["org/data"] });
const example = new URL("../../examples/zephyr-7b-beta.lineage.json", import.meta.url).pathname;

/** The body outside the ftl section (front matter dropped): what must never change. */
function userBytes(card: string): string {
  const body = card.replace(/^\uFEFF?---\n[\s\S]*?\n---\n/, "");
  const start = body.indexOf(SECTION_START);
  const end = body.indexOf(SECTION_END);
  return start < 0 ? body : body.slice(0, start) + body.slice(end + SECTION_END.length + 1);
}

describe("updateHfCard refuses what it cannot keep", () => {
  const refused = (card: string | Uint8Array, pattern: RegExp): void => {
    const run = () => (typeof card === "string" ? updateHfCard(card, doc) : updateHfCardBytes(card, doc));
    expect(run).toThrow(CardUpdateError);
    expect(run).toThrow(pattern);
  };

  it("a start marker with no end marker (the text after it would be lost)", () => {
    refused(`# Card\n\n${SECTION_START}\nMy own notes.\n`, /found 1 start at line 3 and 0 ends/);
    refused(`${SECTION_END}\ntext\n${SECTION_START}\n`, /found 1 start at line 3 and 1 end at line 1/);
    refused(`${SECTION_START}\n${SECTION_END}\n${SECTION_START}\n${SECTION_END}\n`, /found 2 starts/);
  });

  it("markers inside a fenced code block", () => {
    refused(
      `# Card\n\n\`\`\`md\n${SECTION_START}\nx\n${SECTION_END}\n\`\`\`\n`,
      /inside a fenced code block \(line 4\)/,
    );
    refused(`~~~~\n${SECTION_END}\n~~~~\n`, /fenced code block/);
  });

  it("markers in an indented code block, or sharing a line with other text", () => {
    refused(
      `# Card\n\nThe markers:\n\n    ${SECTION_START}\n    old\n    ${SECTION_END}\n\nMy text.\n`,
      /start marker is inside an indented code block \(line 5\)/,
    );
    refused(`\t${SECTION_END}\n`, /indented code block/);
    refused(`Write \`${SECTION_START}\` then \`${SECTION_END}\`.\n`, /on a line with other text/);
  });

  it("Latin-1 and UTF-16 cards", () => {
    refused(Buffer.from("# Caf\xe9\n", "latin1"), /not valid UTF-8 \(Latin-1/);
    refused(Buffer.from("\uFEFF# Card\n", "utf16le"), /UTF-16/);
  });

  it("YAML anchors or aliases in the keys ftl rewrites", () => {
    refused(
      "---\nx: &a org/data2\ndatasets:\n  - *a\n---\n# Card\n",
      /'datasets' uses a YAML anchor or alias/,
    );
    refused("---\ntags: &t [a, b]\nother: *t\n---\n", /'tags' uses a YAML anchor or alias/);
    // an alias elsewhere is kept as it is
    const kept = updateHfCard("---\nx: &a 1\ny: *a\n---\n# Card\n", doc);
    expect(kept).toContain("x: &a 1\ny: *a\n");
  });
});

describe("updateHfCard keeps the user's bytes", () => {
  const body = (card: string): string => card.replace(/^\uFEFF?(---\n[\s\S]*?\n---\n)?/, "");
  const cards: Record<string, string> = {
    "no front matter, no section, CRLF": "# Card\r\n\r\nWindows line ends.  \r\n\r\n\r\n",
    "a BOM, trailing spaces, no final newline": "\uFEFF# Card   \n\ttabs\t",
    "front matter and a section in the middle": `---\nlicense: mit\n# a comment\ntags: [mine]\n---\n# Top\n\n${SECTION_START}\nold\n${SECTION_END}\n\n## After\n\`\`\`\ncode\n\`\`\`\n`,
  };
  for (const [name, card] of Object.entries(cards))
    it(name, () => {
      const once = updateHfCard(card, doc);
      if (card.includes(SECTION_START)) expect(userBytes(once)).toBe(userBytes(card));
      else {
        expect(body(once).startsWith(body(card))).toBe(true);
        expect(body(once).slice(body(card).length).trimStart().startsWith(SECTION_START)).toBe(true);
      }
      expect(updateHfCard(once, doc)).toBe(once);
      expect(once.startsWith("\uFEFF")).toBe(card.startsWith("\uFEFF"));
    });
  it("keeps the front matter's other keys and comments", () => {
    const once = updateHfCard(cards["front matter and a section in the middle"] as string, doc);
    expect(once).toMatch(/^---\nlicense: mit\n# a comment\ntags:\n {2}- mine\n {2}- fine-tune-lineage\n/);
  });
});

describe("ids are escaped for where they land", () => {
  const hostile = [
    "org/a``<b>x</b>``",
    `org/${SECTION_END}`,
    "org/x|y",
    "org/[link](javascript:alert(1))",
    "org/\u001b[2Jclear",
  ];

  it("an id with the end marker neither grows the card nor loses the datasets on read-back", () => {
    for (const id of hostile) {
      const d = oneStep(id, ["org/base"], { datasets: [`data/${id}`] });
      const once = updateHfCard("# Card\n", d);
      const twice = updateHfCard(once, d);
      expect(twice).toBe(once);
      expect(findSection(once.replace(/^---\n[\s\S]*?\n---\n/, ""))).toBeDefined();
      const section = once.slice(once.indexOf(SECTION_START));
      expect(section).not.toContain("<b>");
      expect(section).not.toContain(String.fromCharCode(27));
      const back = readHfCard(once, "README.md");
      expect(back?.document.subject.id).toBe(id);
      expect(back?.document.steps[0]?.inputs?.datasets?.map((x) => x.id)).toEqual([`data/${id}`]);
    }
  });
});

describe("ftl export --into on disk", () => {
  const setup = (content: string | Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-into-"));
    writeFileSync(join(dir, "README.md"), content);
    return dir;
  };
  const into = (dir: string, name = "README.md") =>
    ftl(["export", example, "-f", "hf-card", "--into", name], { cwd: dir });

  it("refuses a stray start marker with exit 1, changing nothing, twice", async () => {
    const card = `# Card\n\n${SECTION_START}\nMy text that must survive.\n`;
    const dir = setup(card);
    for (let i = 0; i < 2; i++) {
      const result = await into(dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^ftl: README\.md: the ftl section markers are not one/);
    }
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(card);
    expect(readdirSync(dir)).toEqual(["README.md"]);
  });

  it("writes through a symlink to its target and keeps its permissions", async () => {
    const dir = setup("# Card\n");
    const real = join(dir, "README.md");
    chmodSync(real, 0o640);
    symlinkSync("README.md", join(dir, "link.md"));
    const result = await into(dir, "link.md");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^wrote hf-card \(\d+ bytes\) into link\.md\n$/);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.md"))).toBe("README.md");
    expect(readFileSync(real, "utf8")).toContain(SECTION_START);
    expect(statSync(real).mode & 0o777).toBe(0o640);
  });

  it("refuses a read-only card as an error naming the user's path, never a temporary file", async () => {
    const dir = setup("# Card\n");
    chmodSync(join(dir, "README.md"), 0o444);
    const result = await into(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ftl: README\.md: cannot write \(the file is read-only/);
    expect(result.stderr).not.toMatch(/\.tmp/);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("# Card\n");
  });

  it("refuses a Latin-1 card instead of rewriting it with U+FFFD", async () => {
    const latin = Buffer.from("# Café\n", "latin1");
    const dir = setup(latin);
    const result = await into(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not valid UTF-8/);
    expect(readFileSync(join(dir, "README.md")).equals(latin)).toBe(true);
  });
});

describe("reading a hostile card back takes linear time", () => {
  const card = updateHfCard("# Card\n", doc);
  const hostile = (n: number): string =>
    card.replace("<code>", "").replace(/\| `org\/data` \|/, `| \`a\` (${"subset `` x ``, ".repeat(n)} |`);
  const time = (text: string): number => {
    const started = performance.now();
    readHfCard(text, "README.md");
    return performance.now() - started;
  };
  it("a dataset cell of many unclosed details (was super-linear: minutes at 2,000)", () => {
    expect(hostile(10)).not.toBe(card);
    time(hostile(2000));
    const small = Math.max(1, time(hostile(5000)));
    const large = time(hostile(20_000));
    expect(large / small).toBeLessThan(16);
    expect(large).toBeLessThan(2000);
  });
});

describe("a hostile merge-weight cell reads back in linear time", () => {
  it("many ' (weight ' without a closing parenthesis", () => {
    const card = updateHfCard("# Card\n", doc);
    const row = (n: number) => card.replace("| `org/base` |", `| \`a\`${" (weight ".repeat(n)} |`);
    const time = (text: string): number => {
      const started = performance.now();
      readHfCard(text, "README.md");
      return performance.now() - started;
    };
    expect(row(10)).not.toBe(card);
    time(row(1000));
    const small = Math.max(1, time(row(10_000)));
    const large = time(row(40_000));
    expect(large / small).toBeLessThan(16);
  });
});

describe("flattenLines", () => {
  it("does what /\\s*\\n\\s*/g did, in linear time", async () => {
    const { flattenLines } = await import("./card-markup.js");
    for (const text of [
      "a\nb",
      "a \n\n  b",
      "\nab",
      "  \nab",
      "a\n",
      "\n",
      "a\r\nb",
      "a \n \n b\n c",
      "no break  ",
    ])
      expect(flattenLines(text)).toBe(text.replace(/\s*\n\s*/g, " "));
    const spaces = `${" ".repeat(200_000)}x`;
    const started = performance.now();
    flattenLines(`${spaces}\n${spaces}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
