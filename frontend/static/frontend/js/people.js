// The people page: each member's role and figures (GET people/), and for managers adding
// people by username or e-mail (members/ or invitations/), changing roles and removing
// people, with the one-time set-password link shown after an invitation.

import { api, ApiError, showMessage } from "./api.js";
import { el, element } from "./dom.js";
import {
  addRequest,
  displayName,
  durationWords,
  invitationWords,
  lastActiveWords,
} from "./people_model.js";

const ROLES = ["annotator", "reviewer", "manager"];

const root = document.getElementById("project-people");
const projectId = root.dataset.projectId;
const me = root.dataset.username;
const manager = root.dataset.manager === "true";
const rows = document.getElementById("people-rows");
const feedback = document.getElementById("people-feedback");

const memberPath = (username) => `projects/${projectId}/members/${encodeURIComponent(username)}/`;

function showError(target, error) {
  const details = error instanceof ApiError ? Object.values(error.details || {}).flat() : [];
  const extra = details.filter((text) => typeof text === "string" && text !== error.message);
  const message = error instanceof Error ? error.message : String(error);
  showMessage(target, extra.length ? `${message} (${extra.join("; ")})` : message, "error");
}

function roleCell(person) {
  const cell = element("td");
  if (!person.role) {
    cell.append(element("span", "former", "former member"));
    return cell;
  }
  if (!manager) {
    cell.textContent = person.role;
    return cell;
  }
  const select = el("select", { "aria-label": `Role of ${person.username}` });
  for (const role of ROLES) {
    select.append(el("option", { value: role, selected: role === person.role, text: role }));
  }
  select.addEventListener("change", async () => {
    const role = select.value;
    select.disabled = true;
    try {
      await api("PATCH", memberPath(person.username), { role });
      person.role = role;
      showMessage(feedback, `Saved: ${person.username} is now ${role}.`);
    } catch (error) {
      select.value = person.role;
      showError(feedback, error);
    } finally {
      select.disabled = false;
    }
  });
  cell.append(select);
  return cell;
}

function removeCell(person) {
  const cell = element("td", "row-actions");
  if (!person.role) return cell;
  const remove = el("button", {
    type: "button",
    class: "danger",
    "aria-label": `Remove ${person.username}`,
    text: "Remove",
  });
  remove.addEventListener("click", () => {
    // Ask in place: the row shows the question and two buttons; Keep has the focus.
    const yes = el("button", {
      type: "button",
      class: "danger",
      "aria-label": `Yes, remove ${person.username}`,
      text: "Yes, remove",
    });
    const no = el("button", { type: "button", text: "Keep" });
    const question = `Remove ${person.username}? Their annotations stay.`;
    cell.replaceChildren(el("span", { class: "confirm" }, element("span", "", question), yes, no));
    no.focus();
    no.addEventListener("click", () => {
      cell.replaceChildren(remove);
      remove.focus();
    });
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      try {
        await api("DELETE", memberPath(person.username));
        showMessage(feedback, `Removed ${person.username}; their annotations stay.`);
        if (person.username === me) {
          window.location.assign("/");
          return;
        }
        await loadPeople();
      } catch (error) {
        showError(feedback, error);
        cell.replaceChildren(remove);
        remove.focus();
      }
    });
  });
  cell.append(remove);
  return cell;
}

/** "Invited: no password yet", and for managers a button that mails a fresh link. */
function pendingNote(person) {
  const note = el("span", { class: "pending" }, "Invited: no password yet");
  if (!manager || !person.email) return note;
  const again = el("button", {
    type: "button",
    class: "small",
    "aria-label": `Send ${person.username} a new link`,
    text: "Send a new link",
  });
  again.addEventListener("click", async () => {
    again.disabled = true;
    try {
      const answer = await api("POST", `projects/${projectId}/invitations/`, {
        email: person.email,
        role: person.role,
      });
      const sent = `A new link to choose a password was e-mailed to ${person.email}.`;
      if (answer.emailed) showMessage(feedback, sent);
      else showMessage(feedback, answer.mail_problem, "error");
    } catch (error) {
      showError(feedback, error);
    } finally {
      again.disabled = false;
    }
  });
  note.append(again);
  return note;
}

function personRow(person) {
  const name = el("td", { class: "person" }, displayName(person));
  if (person.username === me) name.append(element("span", "you", "(you)"));
  if (person.name) name.append(element("span", "username", person.username));
  if (person.email) name.append(element("span", "email", person.email));
  if (person.invitation_pending && person.role) name.append(pendingNote(person));
  const num = (value) => el("td", { class: "num" }, String(value));
  const row = el("tr", { dataset: { username: person.username } }, name);
  const lastActive = el("td", {}, lastActiveWords(person.last_active));
  if (person.last_active) lastActive.title = new Date(person.last_active).toLocaleString();
  row.append(
    roleCell(person),
    num(person.assigned),
    num(person.in_progress),
    num(person.submitted),
    num(person.skipped),
    num(durationWords(person.seconds_spent)),
    num(durationWords(person.median_seconds)),
    lastActive,
  );
  if (manager) row.append(removeCell(person));
  return row;
}

async function loadPeople() {
  try {
    const people = await api("GET", `projects/${projectId}/people/`);
    rows.replaceChildren(...people.map(personRow));
  } catch (error) {
    rows.replaceChildren();
    showError(feedback, error);
  }
}

function setUpAdding() {
  const form = document.getElementById("person-add");
  const addFeedback = document.getElementById("add-feedback");
  const box = document.getElementById("invitation");
  const link = document.getElementById("invitation-link");
  const copy = document.getElementById("invitation-copy");
  const who = form.elements.who;
  const role = form.elements.role;
  const button = form.querySelector("button[type=submit]");
  who.addEventListener("input", () => who.removeAttribute("aria-invalid"));
  copy.addEventListener("click", async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(link.value);
      showMessage(addFeedback, "The link is copied.");
    } catch {
      showMessage(addFeedback, "Copy the selected link with Ctrl+C.");
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const request = addRequest(projectId, who.value, role.value);
    button.disabled = true;
    box.hidden = true;
    showMessage(addFeedback, "Adding…");
    try {
      const answer = await api("POST", request.path, request.body);
      if (request.invite) {
        showMessage(addFeedback, invitationWords(answer));
        if (answer.set_password_url) {
          link.value = answer.set_password_url;
          box.hidden = false;
        }
      } else {
        showMessage(addFeedback, `Added ${answer.username} as ${answer.role}.`);
      }
      // Ready for the next person: the field empties and the role goes back to annotator.
      form.reset();
      who.focus();
      await loadPeople();
    } catch (error) {
      showError(addFeedback, error);
      who.setAttribute("aria-invalid", "true");
      who.focus();
    } finally {
      button.disabled = false;
    }
  });
  button.disabled = false;
}

if (manager) setUpAdding();
loadPeople();
