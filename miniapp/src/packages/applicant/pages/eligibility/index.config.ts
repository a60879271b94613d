export default definePageConfig({
  navigationBarTitleText: '我能申报吗',
});
