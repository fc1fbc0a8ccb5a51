/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@guftagu/contracts'],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
