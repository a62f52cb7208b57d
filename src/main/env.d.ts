// Types for electron-vite's import suffixes in the main process (`?modulePath`, `?asset`…).
/// <reference types="electron-vite/node" />
