import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@concord/api", "@concord/auth", "@concord/db", "@concord/domain"],
  // Native and WebAssembly packages must load from node_modules at run time, not from a bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2"],
  // Parallel builds (several checkouts or agents on one machine) can each use their own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default config;
