#!/usr/bin/env node
'use strict';
const { readFile } = require('node:fs/promises');

exports.count = async function count(file) {
  const text = await readFile(file, 'utf8');
  return text.split('\n').length;
};
