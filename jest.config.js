/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/shared'],
};
