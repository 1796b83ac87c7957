// node --test: autosave through a network that drops answers, with a fake server.
import assert from "node:assert/strict";
import { mock, test } from "node:test";

import { ApiError } from "../../frontend/static/frontend/js/api.js";
import { AnnotationState } from "../../frontend/static/frontend/js/annotation_state.js";
import { Drafts } from "../../frontend/static/frontend/js/drafts.js";
import { Saver } from "../../frontend/static/frontend/js/saver.js";

const TEXT = "The minister said the talks had stalled.";
const chars = Array.from(TEXT);

/** PUT / GET /api/v1/sets/1/ as the server answers them: a version check, ids for refs. */
class FakeServer {
  constructor() {
    this.set = { id: 1, version: 1, spans: [], relations: [], stances: [], answers: {} };
    this.nextId = 100;
    this.drop = 0; // answers to lose after the write is stored
    this.down = false; // the server cannot be reached at all
  }

  api = async (method, path, body) => {
    if (this.down) throw new ApiError(0, "unreachable", "The server could not be reached.");
    if (method === "GET") return structuredClone(this.set);
    if (body.version !== this.set.version) throw new ApiError(409, "conflict", "changed");
    const refs = {};
    const spans = body.spans.map((span) => {
      const { ref, ...rest } = span;
      if (ref === undefined) return rest;
      refs[ref] = this.nextId++;
      return { ...rest, id: refs[ref] };
    });
    const end = (x) => (typeof x === "string" ? refs[x] : x);
    this.set = {
      ...this.set,
      version: this.set.version + 1,
      spans,
      relations: body.relations.map((r) => ({ ...r, source: end(r.source), target: end(r.target) })),
      stances: body.stances.map((s) => ({ ...s, holder: end(s.holder), object: end(s.object) })),
      answers: body.answers,
    };
    if (this.drop > 0) {
      this.drop -= 1;
      throw new ApiError(0, "unreachable", "The server could not be reached (network).");
    }
    return { version: this.set.version, refs };
  };

  /** Someone else writes the set. */
  writeElsewhere() {
    this.set = { ...this.set, version: this.set.version + 1, answers: { framing: "other" } };
  }
}

class MemoryStorage {
  items = new Map();
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

function page(server, storage = new MemoryStorage()) {
  const state = new AnnotationState(structuredClone(server.set), chars);
  const statuses = [];
  const saver = new Saver(1, state, (status) => statuses.push(status), {
    api: server.api,
    drafts: new Drafts(storage),
  });
  return { state, saver, statuses, storage };
}

function addClaim(state, phrase) {
  const start = TEXT.indexOf(phrase);
  return state.addSpan("CLAIM", [[start, start + phrase.length]]);
}

test("a save whose answer was lost but which landed is not taken for a conflict", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const server = new FakeServer();
  const { state, saver, statuses } = page(server);
  addClaim(state, "the talks");
  server.drop = 1;
  await saver.save(); // stored, answer lost
  assert.equal(saver.status, "offline");
  addClaim(state, "had stalled"); // edited after the fault
  await saver.save(); // 409 for the version the lost write bumped: it is our own
  assert.ok(!statuses.includes("conflict"));
  await saver.flush();
  assert.equal(saver.status, "saved");
  assert.equal(server.set.version, 3);
  assert.deepEqual(server.set.spans.map((s) => s.text).sort(), ["had stalled", "the talks"]);
  // The span the lost write created keeps its server id: it is not sent again as new.
  assert.equal(server.set.spans.filter((s) => s.text === "the talks").length, 1);
});

test("a 409 after a lost save is a conflict when someone else wrote the set", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const server = new FakeServer();
  const { state, saver } = page(server);
  addClaim(state, "the talks");
  server.down = true;
  await saver.save(); // never reached the server
  server.down = false;
  server.writeElsewhere();
  await saver.save();
  assert.equal(saver.status, "conflict");
  assert.equal(saver.stopped, true);
});

test("an unreachable server is tried again after 1, 2 and 4 seconds", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const server = new FakeServer();
  const { state, saver } = page(server);
  const delays = [];
  const original = saver.schedule.bind(saver);
  saver.schedule = (ms) => {
    delays.push(ms);
    original(ms);
  };
  addClaim(state, "the talks");
  server.down = true;
  await saver.save();
  await saver.save();
  await saver.save();
  assert.deepEqual(delays.slice(-3), [1000, 2000, 4000]);
  server.down = false;
  await saver.save();
  assert.equal(saver.status, "saved");
  assert.equal(server.set.spans.length, 1);
});

test("edits are kept in the browser until the server confirms them", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const server = new FakeServer();
  const { state, saver, storage } = page(server);
  addClaim(state, "the talks");
  saver.changed();
  assert.equal(storage.items.size, 1);
  await saver.flush();
  assert.equal(storage.items.size, 0);
});

test("a reload brings back the edits made while the server was unreachable, and saves them", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const server = new FakeServer();
  const first = page(server);
  addClaim(first.state, "the talks");
  server.drop = 1;
  await first.saver.save(); // landed, answer lost
  server.down = true;
  addClaim(first.state, "had stalled");
  first.saver.changed();
  await first.saver.save(); // unreachable: kept in the draft only
  server.down = false;

  const second = page(server, first.storage); // the reload
  assert.equal(second.saver.restoreDraft(structuredClone(server.set)), true);
  await second.saver.flush();
  assert.equal(second.saver.status, "saved");
  assert.deepEqual(server.set.spans.map((s) => s.text).sort(), ["had stalled", "the talks"]);
  assert.equal(first.storage.items.size, 0);
});

test("a draft of a set changed elsewhere since is dropped, not written over it", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const server = new FakeServer();
  const first = page(server);
  server.down = true;
  addClaim(first.state, "the talks");
  await first.saver.save();
  server.down = false;
  server.writeElsewhere();
  const second = page(server, first.storage);
  assert.equal(second.saver.restoreDraft(structuredClone(server.set)), false);
  assert.equal(first.storage.items.size, 0);
  assert.deepEqual(server.set.answers, { framing: "other" });
});

test("a save refused by the write rate limit is tried again later, not given up", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const server = new FakeServer();
  const { state, saver } = page(server);
  const put = server.api;
  let throttled = 1;
  saver.api = async (method, path, body) => {
    if (method === "PUT" && throttled-- > 0) throw new ApiError(429, "throttled", "Too many requests.");
    return put(method, path, body);
  };
  addClaim(state, "the talks");
  await saver.save();
  assert.equal(saver.status, "offline");
  await saver.save();
  assert.equal(saver.status, "saved");
  assert.equal(server.set.spans.length, 1);
});
