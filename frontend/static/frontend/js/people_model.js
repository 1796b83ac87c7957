// Pure logic of the people page (people.js): which call adds a person, the sentence that
// reports it, and the words for durations and "last active". No DOM here.

/** The call that adds `who` (a username, or an e-mail address when it holds an "@"). */
export function addRequest(projectId, who, role) {
  const text = who.trim();
  if (text.includes("@")) {
    return { path: `projects/${projectId}/invitations/`, body: { email: text, role }, invite: true };
  }
  return { path: `projects/${projectId}/members/`, body: { username: text, role }, invite: false };
}

/** What the manager is told after an invitation (the API's answer). */
export function invitationWords(invitation) {
  const who = invitation.account_created
    ? `Made the account ${invitation.username} for ${invitation.email}`
    : `Added ${invitation.username} (${invitation.email})`;
  const parts = [`${who} as ${invitation.role}.`];
  if (invitation.emailed) {
    parts.push(invitation.set_password_url ? "The link to choose a password was e-mailed." : "They were told by e-mail.");
  } else {
    parts.push(invitation.mail_problem || "No e-mail was sent.");
    if (invitation.set_password_url) parts.push("Pass the link below on yourself.");
  }
  return parts.join(" ");
}

/** Seconds as "—" (none), "45 s", "12 min", "2 h 05 min". */
export function durationWords(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** An ISO time as "never", "just now", "5 min ago", "3 h ago", "2 days ago", or its date. */
export function lastActiveWords(iso, now = new Date()) {
  if (!iso) return "never";
  const then = new Date(iso);
  const seconds = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86400);
  if (days < 30) return days === 1 ? "yesterday" : `${days} days ago`;
  return then.toISOString().slice(0, 10);
}

/** The name a person is shown by: their name when they gave one, else their username. */
export function displayName(person) {
  return person.name || person.username;
}
