const { loadTemplate } = require('./templates.cjs');

const layout = loadTemplate('layout');
console.log(`layout: ${layout.length} bytes`);
