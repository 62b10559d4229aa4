/** The web chat's entry point: styles and the app mounted on #app. */
import "./styles.css";
import { App } from "./app.ts";

const root = document.getElementById("app");
if (root) new App(root).start();
