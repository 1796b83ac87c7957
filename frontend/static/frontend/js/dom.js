// Small DOM builders shared by the pages. User text only ever goes in as textContent.

/** A new element: `props` are attributes, plus `class`, `text`, `dataset` and `on<event>`
 * listeners; `children` are nodes or strings (null and undefined are left out). */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = value;
    else if (name === "text") element.textContent = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** A new element with an optional class and text. */
export function element(tag, className, text) {
  return el(tag, { class: className || undefined, text });
}
