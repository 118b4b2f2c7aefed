// The web page in headless Chromium (Debian's package, driven by playwright-core) against the job
// API that HN_API_URL names: scripts/check-api.sh starts `hn-deepest serve --demo` for it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const api = process.env.HN_API_URL;
const here = dirname(fileURLToPath(import.meta.url));
const screenshot = process.env.WEB_SCREENSHOT ?? resolve(here, "../build/reports/web-page.png");
const JOB_TIMEOUT_MS = 180_000;
let browser;

before(async () => {
  assert.ok(api, "HN_API_URL must name the job API (scripts/check-api.sh starts one)");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
});

after(async () => {
  await browser?.close();
});

async function openPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  const response = await page.goto(new URL("/", api).href);
  assert.equal(response.status(), 200);
  return { page, problems };
}

test("a submitted window shows the progress, then the post and the deepest thread the job found", async () => {
  const { page, problems } = await openPage();
  await page.fill("#hours", "6");
  const submitted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/jobs");
  await page.click("#submit");
  const submit = await submitted;
  assert.equal(submit.status(), 202);
  const { jobId } = await submit.json();
  await page.waitForSelector("#progress:not([hidden])");

  await page.waitForSelector("#answer:not([hidden]) #thread li", { timeout: JOB_TIMEOUT_MS });

  const job = await (await fetch(new URL(`/jobs/${jobId}`, api))).json();
  assert.equal(job.status, "SUCCEEDED");
  const result = job.result;
  assert.ok(result.depth > 0, "the demo's 6-hour window has a post with comments");
  assert.equal(result.source, "snapshot");
  assert.equal(result.deepestThread.length, result.depth);
  const expected = result.deepestThread.map((c) => ({
    id: String(c.id), level: String(c.level), by: c.deleted ? "" : c.by,
    text: c.deleted ? "[deleted]" : c.dead ? "[dead]" : c.text ?? "" }));
  const rendered = await page.$$eval("#thread li", (items) => items.map((li) => ({
    id: li.dataset.id, level: li.dataset.level, who: li.querySelector(".who").textContent,
    text: li.querySelector(".text")?.textContent ?? "" })));
  assert.deepEqual(rendered.map(({ id, level, text }) => ({ id, level, text })),
    expected.map(({ id, level, text }) => ({ id, level, text })));
  rendered.forEach((r, i) => assert.ok(r.who.includes(expected[i].by), `level ${r.level} names its author`));
  // The demo's ids are not HN's: no link to news.ycombinator.com anywhere on the page.
  assert.deepEqual(await page.$$eval("a[href*='news.ycombinator.com']", (links) => links.length), 0);

  assert.equal((await page.textContent("#post-title")).trim(), result.title);
  const titleHref = await page.getAttribute("#post-title a", "href");
  assert.equal(titleHref, result.url ?? result.hnUrl);
  const meta = await page.textContent("#post-meta");
  assert.match(meta, new RegExp(`by ${result.by} .* depth ${result.depth} · ${result.comments} comments`));
  if (result.hnUrl) {
    const linked = await page.$$eval("#thread li .who a", (links) => links.map((a) => a.href));
    assert.deepEqual(linked, result.deepestPath.map((id) => `https://news.ycombinator.com/item?id=${id}`));
  }
  assert.equal(await page.getAttribute("#bar", "value"), "1");
  assert.deepEqual(problems, []);

  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
});

test("a refused window shows the problem's detail and the invalid parameter", async () => {
  const { page, problems } = await openPage();
  await page.fill("#hours", "6");
  await page.fill("#asOf", "2999-01-01T00:00:00Z");
  const refused = page.waitForResponse((r) => r.request().method() === "POST");
  await page.click("#submit");
  const response = await refused;
  assert.equal(response.status(), 400);
  const problem = await response.json();

  await page.waitForSelector("#error:not([hidden])");

  const shown = await page.textContent("#error");
  assert.ok(shown.startsWith(problem.detail), shown);
  assert.match(shown, /asOf must not be in the future/);
  assert.equal(await page.isHidden("#answer"), true);
  assert.equal(problems.filter((p) => !p.includes("400")).length, 0, problems.join("\n"));
});

test("without JavaScript the page says that submitting needs it", async () => {
  const { page } = await openPage({ javaScriptEnabled: false });

  const notice = page.locator("noscript .notice");

  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.textContent(), /needs JavaScript to submit/);
});
