import type { Metadata } from "next";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <Card role="alert" className="mx-auto mt-8 w-full max-w-lg items-start">
      <SearchX aria-hidden="true" className="size-10 text-muted-foreground" />
      <h1>Not found</h1>
      <p>This page was not found, or you do not have access to it.</p>
      <Button asChild>
        <Link href="/">Go to your home page</Link>
      </Button>
    </Card>
  );
}
