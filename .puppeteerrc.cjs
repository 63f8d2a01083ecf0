// Repo-only: this machine's network cannot download puppeteer's Chrome; we use the
// system Chromium (see scripts/setup.sh). Not in "files", so published installs of
// briefbook still get puppeteer's own browser.
module.exports = { skipDownload: true };
