/* The H5 app's service worker, emitted as /sw.js by config/service-worker-plugin.ts, which
   replaces __PRECACHE__ with this build's version and file list. Kept small and hand-written:
   the app already stores each screen's last good answer itself (services/screen-cache.ts) and
   shows it with its time when the network fails, so this worker only has to keep the code the
   app runs on.

   - Scripts and stylesheets of this build: cache-first, all fetched at install, so that a
     screen never opened before still opens offline and says that it needs the network rather
     than doing nothing. Their names carry no hash; the cache does instead (one per build, the
     old one dropped at activation), and a new worker waits until no page of the old build is
     open, so a running page never mixes chunks of two builds.
   - Pages: network-first; offline, the app's plain shell. Not the server-drawn first screen:
     its data would be taken as fresh (first-screen/index.h5.ts) and shown without its age.
   - The API, verify pages and anything else: left to the network, untouched. */
'use strict';

var PRECACHE = __PRECACHE__;
var CACHE_PREFIX = 'titletrack-shell-';
var CACHE_NAME = CACHE_PREFIX + PRECACHE.version;
// Any app route the server does not own answers the build's plain index.html (server
// first-screen/h5-files.ts); "/" would be the first-screen page.
var SHELL_URL = '/offline-shell';
var NETWORK_ONLY = /^\/(api|verify)(\/|$)/;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE_NAME).then(function (cache) {
      // Past the HTTP cache: the files keep their names from build to build.
      return cache.addAll(
        [SHELL_URL].concat(PRECACHE.files).map(function (url) {
          return new Request(url, { cache: 'reload' });
        }),
      );
    }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf(CACHE_PREFIX) === 0 && name !== CACHE_NAME;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        // The first install only: the page that installed it is of this very build.
        return self.clients.claim();
      }),
  );
});

function fromShellCache(request) {
  return caches.open(CACHE_NAME).then(function (cache) {
    return cache.match(request, { ignoreSearch: true });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || NETWORK_ONLY.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(function () {
        return fromShellCache(SHELL_URL).then(function (shell) {
          return shell || Response.error();
        });
      }),
    );
    return;
  }
  if (PRECACHE.files.indexOf(url.pathname) === -1) return;
  event.respondWith(
    fromShellCache(request).then(function (cached) {
      return cached || fetch(request);
    }),
  );
});
