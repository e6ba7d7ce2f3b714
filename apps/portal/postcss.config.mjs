// Tailwind CSS 4 through PostCSS: src/app/globals.css imports Tailwind and the design system's theme.
export default { plugins: { "@tailwindcss/postcss": {} } };
