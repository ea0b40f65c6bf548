// Small helpers shared by the portal's page scripts: texts from the page, formatting, showing and hiding.

let cachedTexts = null;

/** The page's language: 'nl' or 'en'. */
export function lang() {
  return document.body.dataset.lang === 'en' ? 'en' : 'nl';
}

/**
 * A text for scripts (key without the "js." prefix) in the page's language, with {name} placeholders filled in.
 * The texts come from the server's message files through the body's data-texts attribute.
 */
export function t(key, vars = {}) {
  if (cachedTexts === null) {
    try {
      cachedTexts = JSON.parse(document.body.dataset.texts || '{}');
    } catch {
      cachedTexts = {};
    }
  }
  const template = cachedTexts[key] ?? key;
  return template.replace(/\{([A-Za-z]+)}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

export function byId(id) {
  return document.getElementById(id);
}

export function show(element, visible = true) {
  if (element) {
    element.hidden = !visible;
  }
}

export function hide(element) {
  show(element, false);
}

/** Creates an element with a class and text (text is set as text, never as HTML). */
export function el(tag, {className, text, attrs} = {}, children = []) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  for (const [name, value] of Object.entries(attrs ?? {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

const DATE_NL = new Intl.DateTimeFormat('nl-NL', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
const DATE_EN = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
const DATE_TIME_NL = new Intl.DateTimeFormat('nl-NL', {dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam'});
const DATE_TIME_EN = new Intl.DateTimeFormat('en-GB', {dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam'});

/** "16 februari 2026" / "16 February 2026" for "2026-02-16"; anything else as it is. */
export function formatDate(isoDate) {
  if (typeof isoDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    return isoDate ?? '';
  }
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : (lang() === 'en' ? DATE_EN : DATE_NL).format(date);
}

/** An instant (ISO-8601) in Dutch time, in the page's language. */
export function formatInstant(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? (iso ?? '') : (lang() === 'en' ? DATE_TIME_EN : DATE_TIME_NL).format(date);
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message) {
  const region = byId('portal-live');
  if (!region) {
    return;
  }
  region.textContent = '';
  // a fresh text node in a later task is announced even when the text repeats
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/**
 * Shows a form's errors: an error summary with a link per field (focused, so it is read first), the message above each
 * field, and aria-invalid on the inputs. `errors` is a list of {field: inputId, message}.
 */
export function showFormErrors(summary, errors) {
  const list = summary.querySelector('ul');
  list.replaceChildren(...errors.map(e => el('li', {className: 'utrecht-unordered-list__item'}, [
    el('a', {className: 'utrecht-link', text: e.message, attrs: {href: `#${e.field}`}})
  ])));
  for (const e of errors) {
    const input = byId(e.field);
    const message = byId(`${e.field}-fout`);
    if (message) {
      message.textContent = e.message;
      show(message);
    }
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      if (message && !described.includes(message.id)) {
        input.setAttribute('aria-describedby', [message.id, ...described].join(' '));
      }
      input.closest('.utrecht-form-field')?.classList.add('utrecht-form-field--invalid');
    }
  }
  show(summary);
  summary.focus();
}

/** Clears what showFormErrors showed for these fields. */
export function clearFormErrors(summary, fieldIds) {
  hide(summary);
  for (const id of fieldIds) {
    const input = byId(id);
    const message = byId(`${id}-fout`);
    hide(message);
    if (input) {
      input.removeAttribute('aria-invalid');
      input.closest('.utrecht-form-field')?.classList.remove('utrecht-form-field--invalid');
    }
  }
}

/** The summary of links inside an error summary (for focus handling in links to fields). */
export function linkErrorSummaries() {
  document.addEventListener('click', event => {
    const link = event.target.closest('.portal-error-summary a[href^="#"]');
    if (!link) {
      return;
    }
    const target = byId(link.getAttribute('href').slice(1));
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView({block: 'center'});
    }
  });
}
