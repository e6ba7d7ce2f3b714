import NextAuth from "next-auth";
import { getAuthOptions } from "~/server/runtime";

export const dynamic = "force-dynamic";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const handler: Handler = (req, ctx) => (NextAuth(getAuthOptions()) as unknown as Handler)(req, ctx);

export { handler as GET, handler as POST };
