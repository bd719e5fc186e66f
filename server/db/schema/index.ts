export * from "./catalog.js";
export * from "./engagement.js";
export * from "./enums.js";
export * from "./messaging.js";
export * from "./people.js";
export * from "./tracking.js";
export * from "./tutoring.js";
