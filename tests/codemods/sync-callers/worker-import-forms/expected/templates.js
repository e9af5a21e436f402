import { readFileSync } from 'node:fs';

/**
 * @param {string} name
 * @returns {string}
 */
export default function loadLayout(name) {
  return readFileSync(`layouts/${name}.html`, 'utf8');
}

/** @param {string} name */
export const loadPartial = (name) => readFileSync(`partials/${name}.html`, 'utf8');

/** @param {string} name */
export function loadPage(name) {
  return readFileSync(`pages/${name}.html`, 'utf8');
}
