#!/usr/bin/env node
'use strict';

exports.count = async function count(file) {
  const text = require('fs').readFileSync(file, 'utf8');
  return text.split('\n').length;
};
