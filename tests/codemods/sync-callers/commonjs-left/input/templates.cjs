const { readFileSync } = require('node:fs');

function loadTemplate(name) {
  return readFileSync(`views/${name}.html`, 'utf8');
}

module.exports = { loadTemplate };
