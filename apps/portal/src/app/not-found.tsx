import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card" role="alert">
      <h1>Not found</h1>
      <p>This page was not found, or you do not have access to it.</p>
      <p><Link href="/">Go to your home page</Link></p>
    </div>
  );
}
