// Ignores SIGTERM (and says so), so only SIGKILL ends it.
process.on('SIGTERM', () => console.log('got SIGTERM'));
console.log('ready');
setInterval(() => {}, 1000);
