export const settle = async () => {
  const deadline = performance.now() + 5;
  while (performance.now() < deadline);
};
