import loadLayout, { loadPage, loadPartial } from './templates.js';

export const preloaded = [loadLayout('main'), loadPartial('header'), loadPage('index')];
