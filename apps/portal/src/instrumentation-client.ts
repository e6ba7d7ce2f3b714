import { config } from "zod/v4/core";

// Runs in the browser before the portal's modules build their schemas. Zod 4 compiles object
// parsers with `new Function` after probing that eval works; under the portal's CSP (no
// 'unsafe-eval') the probe fails safely but the browser still reports a violation. Jitless
// parsing gives the same results without eval. (`zod/v4/core`'s config is the one `z.config`
// re-exports: importing it alone keeps the rest of zod out of pages that never parse.)
config({ jitless: true });
