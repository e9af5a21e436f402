const { loadTemplate } = require('./templates.cjs');

async function page(name) {
  return `<main>${loadTemplate(name)}</main>`;
}

module.exports = { page };
