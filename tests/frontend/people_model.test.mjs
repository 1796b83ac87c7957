import assert from "node:assert/strict";
import { test } from "node:test";

import {
  addRequest,
  displayName,
  durationWords,
  invitationWords,
  lastActiveWords,
} from "../../frontend/static/frontend/js/people_model.js";

test("a username is added as a member, an e-mail address is invited", () => {
  assert.deepEqual(addRequest(7, " ada ", "reviewer"), {
    path: "projects/7/members/",
    body: { username: "ada", role: "reviewer" },
    invite: false,
  });
  assert.deepEqual(addRequest(7, "ada@example.org", "annotator"), {
    path: "projects/7/invitations/",
    body: { email: "ada@example.org", role: "annotator" },
    invite: true,
  });
});

test("an invitation says what was made and whether the mail went", () => {
  const made = {
    username: "ada",
    email: "ada@example.org",
    role: "annotator",
    account_created: true,
    set_password_url: "http://x/account/welcome/a/b/",
    emailed: true,
    mail_problem: "",
  };
  assert.equal(
    invitationWords(made),
    "Made the account ada for ada@example.org as annotator. The link to choose a password was e-mailed.",
  );
  const unsent = { ...made, emailed: false, mail_problem: "The e-mail could not be sent (x)." };
  assert.match(invitationWords(unsent), /could not be sent \(x\)\. Pass the link below on yourself\.$/);
  const existing = { ...made, account_created: false, set_password_url: null };
  assert.equal(
    invitationWords(existing),
    "Added ada (ada@example.org) as annotator. They were told by e-mail.",
  );
});

test("durations read in seconds, minutes or hours", () => {
  assert.equal(durationWords(null), "—");
  assert.equal(durationWords(0), "0 s");
  assert.equal(durationWords(59), "59 s");
  assert.equal(durationWords(61), "1 min");
  assert.equal(durationWords(3600 + 5 * 60), "1 h 05 min");
});

test("last active reads as a time ago, then a date", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  assert.equal(lastActiveWords(null, now), "never");
  assert.equal(lastActiveWords("2026-03-10T11:59:30Z", now), "just now");
  assert.equal(lastActiveWords("2026-03-10T11:15:00Z", now), "45 min ago");
  assert.equal(lastActiveWords("2026-03-10T09:00:00Z", now), "3 h ago");
  assert.equal(lastActiveWords("2026-03-09T10:00:00Z", now), "yesterday");
  assert.equal(lastActiveWords("2026-03-01T10:00:00Z", now), "9 days ago");
  assert.equal(lastActiveWords("2025-12-01T10:00:00Z", now), "2025-12-01");
});

test("a person is shown by name when they gave one", () => {
  assert.equal(displayName({ username: "ada", name: "Ada Lovelace" }), "Ada Lovelace");
  assert.equal(displayName({ username: "ada", name: "" }), "ada");
});
