export default definePageConfig({
  navigationBarTitleText: '职称通',
  enablePullDownRefresh: true,
});
