// node --test: time on task counts only visible, non-idle time and reports it set by set.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError } from "../../frontend/static/frontend/js/api.js";
import { ActiveClock, TimeReporter } from "../../frontend/static/frontend/js/time_on_task_model.js";

const S = 1000;

test("a visible tab with a person at work counts every second", () => {
  const clock = new ActiveClock({ idleMs: 60 * S, now: 0 });
  for (let t = 10; t <= 50; t += 10) clock.activity(t * S);
  assert.equal(clock.take(50 * S), 50);
});

test("time after the last activity counts until the idle threshold, then stops", () => {
  const clock = new ActiveClock({ idleMs: 60 * S, now: 0 });
  clock.activity(10 * S);
  assert.equal(clock.take(300 * S), 70); // 10 s of work + 60 s of reading, not the rest
  clock.activity(400 * S); // back at the desk: counting starts again from here
  assert.equal(clock.take(405 * S), 5);
});

test("a hidden tab counts nothing, and showing it again counts as activity", () => {
  const clock = new ActiveClock({ idleMs: 60 * S, now: 0 });
  clock.hide(20 * S);
  clock.activity(100 * S); // a key pressed into another window's focus: still hidden
  assert.equal(clock.take(500 * S), 20);
  clock.show(600 * S);
  assert.equal(clock.take(630 * S), 30);
});

test("the part of a second not yet reported waits for the next report", () => {
  const clock = new ActiveClock({ idleMs: 60 * S, now: 0 });
  clock.activity(1500);
  assert.equal(clock.take(1500), 1);
  clock.activity(2600);
  assert.equal(clock.take(2600), 1); // 0.5 s left over + 1.1 s
});

function reporter(answers = []) {
  const sent = [];
  const send = async (setId, seconds, keepalive) => {
    sent.push({ setId, seconds, keepalive });
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer ?? { added: seconds, seconds_spent: seconds };
  };
  return { sent, time: new TimeReporter({ send, now: 0, idleMs: 60 * S, flushMs: 30 * S }) };
}

test("reports are due every flush interval and carry the seconds since the last", async () => {
  const { sent, time } = reporter();
  time.watch(7, 0);
  time.activity(20 * S);
  assert.equal(time.due(29 * S), false);
  assert.equal(time.due(30 * S), true);
  await time.flush(30 * S);
  time.activity(55 * S);
  await time.flush(60 * S);
  assert.deepEqual(sent, [
    { setId: 7, seconds: 30, keepalive: false },
    { setId: 7, seconds: 30, keepalive: false },
  ]);
  assert.equal(time.reported, 60);
});

test("another set shown reports the old set's last seconds and starts from zero", async () => {
  const { sent, time } = reporter();
  time.watch(7, 0);
  await time.watch(8, 12 * S);
  await time.flush(20 * S);
  assert.deepEqual(
    sent.map((s) => [s.setId, s.seconds]),
    [[7, 12], [8, 8]],
  );
});

test("no set shown: nothing is sent and the time is not kept for the next set", async () => {
  const { sent, time } = reporter();
  time.watch(null, 0);
  await time.flush(40 * S);
  time.watch(9, 40 * S);
  await time.flush(45 * S);
  assert.deepEqual(sent, [{ setId: 9, seconds: 5, keepalive: false }]);
});

test("hiding the tab reports at once, with keepalive so it survives the page going away", async () => {
  const { sent, time } = reporter();
  time.watch(7, 0);
  await time.hide(10 * S);
  assert.deepEqual(sent, [{ setId: 7, seconds: 10, keepalive: true }]);
});

test("seconds the server could not take are given back; a finished set takes no more", async () => {
  const unreachable = new ApiError(0, "unreachable", "down");
  const finished = new ApiError(409, "conflict", "This set is submitted");
  const { sent, time } = reporter([unreachable, undefined, finished]);
  time.watch(7, 0);
  await time.flush(30 * S); // lost: the 30 s wait
  await time.flush(40 * S); // 30 + 10
  await time.flush(50 * S); // refused: the set is closed
  await time.flush(60 * S); // not sent at all
  assert.deepEqual(
    sent.map((s) => s.seconds),
    [30, 40, 10],
  );
});

test("a report the server capped counts what it added", async () => {
  const { time } = reporter([{ added: 12, seconds_spent: 12 }]);
  time.watch(7, 0);
  await time.flush(30 * S);
  assert.equal(time.reported, 12);
});
