import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@concord/api", "@concord/auth", "@concord/db", "@concord/domain", "@concord/ui"],
  // Native and WebAssembly packages must load from node_modules at run time, not from a bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "pdfkit"],
  // Parallel builds (several checkouts or agents on one machine) can each use their own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Headers that are the same on every response, static assets included. The per-request ones
  // (Content-Security-Policy with its nonce, Strict-Transport-Security, Cache-Control) are set in
  // src/proxy.ts and in the tRPC route.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Stricter than strict-origin-when-cross-origin: no other site learns which page (a patient's id) linked to it.
          { key: "Referrer-Policy", value: "same-origin" },
          // The portal uses none of these; a script that got in cannot ask for them either.
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()",
          },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default config;
