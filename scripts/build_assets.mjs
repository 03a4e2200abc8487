// Copy the front-end packages from node_modules into src/duiding/static/vendor.
// No third-party code is committed; `make install` runs this after `npm ci`.
import { cpSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const out = join(root, "src/duiding/static/vendor");
const files = {
  "@utrecht/component-library-css/dist/index.css": "utrecht/component-library.css",
  "@utrecht/design-tokens/dist/index.css": "utrecht/design-tokens.css",
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "vega/build/vega.min.js": "vega/vega.min.js",
  "vega-lite/build/vega-lite.min.js": "vega/vega-lite.min.js",
  "vega-embed/build/vega-embed.min.js": "vega/vega-embed.min.js",
  "axe-core/axe.min.js": "axe/axe.min.js",
};
for (const [from, to] of Object.entries(files)) {
  const src = join(root, "node_modules", from);
  if (!existsSync(src)) {
    console.error(`missing ${src}: run npm ci first`);
    process.exit(1);
  }
  const dest = join(out, to);
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(src, dest);
}
console.log(`static assets copied to ${out}`);
